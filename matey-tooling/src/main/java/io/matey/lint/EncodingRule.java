package io.matey.lint;

import io.matey.lint.Finding.Level;

/** L004: a migration that is not UTF-8 cannot be read at all, so the other file rules skip it. */
final class EncodingRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.migrations()) {
            file.decodeError().ifPresent(message -> findings.addWithFix(Level.ERROR, "L004", file.path(), null,
                    message, "save the file as UTF-8"));
        }
    }
}
