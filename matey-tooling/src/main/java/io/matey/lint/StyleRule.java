package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;

/**
 * The style checks ({@code --no-style} skips them), named after the sqlfluff rules Python matey reports for the
 * same layout problems: SF.LT01 trailing whitespace, SF.LT12 a file without a final newline. They are
 * warnings: layout never changes what a migration does.
 */
final class StyleRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            List<String> lines = file.lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                    findings.add(Level.WARNING, "SF.LT01", file.path(), i + 1, "Trailing whitespace.");
                }
            }
            // The split keeps an empty last line exactly when the file ends with a newline.
            String last = lines.get(lines.size() - 1);
            if (!last.isEmpty()) {
                findings.add(Level.WARNING, "SF.LT12", file.path(), lines.size(), "Files must end with a trailing newline.");
            }
        }
    }
}
