package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.SqlStatement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * L011: a line that is a command of an interactive client, not SQL — the mysql client's {@code DELIMITER} and
 * psql's backslash meta-commands (pasted from a {@code pg_dump}, which starts with {@code \restrict}). The server
 * would answer with a syntax error far from the cause; every command that runs migrations refuses the file with
 * this hint instead (docs/architecture.md §9).
 */
final class ClientCommandRule implements LintRule {

    private static final Pattern DELIMITER = Pattern.compile("(?i)^\\s*DELIMITER(\\s+\\S+)?\\s*$");
    private static final Pattern META_COMMAND = Pattern.compile("^\\s*\\\\[a-zA-Z!?]");

    @Override
    public void check(LintContext context, Findings findings) {
        context.readableMigrations().forEach(file -> check(file, findings));
    }

    static void check(MigrationFile file, Findings findings) {
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (DELIMITER.matcher(line).matches()) {
                findings.addWithFix(Level.ERROR, "L011", file.path(), i + 1, "'" + line.strip()
                        + "' is a command of the mysql client, not SQL.", "delete the DELIMITER lines and end each "
                        + "statement with ';': Matey and dbmate keep a BEGIN ... END body together themselves");
            } else if (META_COMMAND.matcher(line).find()) {
                findings.addWithFix(Level.ERROR, "L011", file.path(), i + 1, "'" + line.strip()
                        + "' is a psql meta-command, not SQL.", "delete the line (a pg_dump's \\restrict and "
                        + "\\unrestrict lines, \\connect, \\set): migrations are run as SQL, without psql");
            }
        }
    }

    /**
     * The statement after the client-command lines it starts with: they end without a semicolon, so the splitter
     * joins them to the statement that follows, which the other rules must still see; empty when nothing follows.
     */
    static Optional<SqlStatement> withoutClientCommands(SqlStatement statement) {
        SqlStatement rest = statement;
        while (true) {
            String code = rest.code();
            int end = code.indexOf('\n');
            String first = end < 0 ? code : code.substring(0, end);
            if (!DELIMITER.matcher(first).matches() && !META_COMMAND.matcher(first).find()) {
                return code.isBlank() ? Optional.empty() : Optional.of(rest);
            }
            if (end < 0) {
                return Optional.empty();
            }
            String after = code.substring(end + 1);
            String skipped = after.substring(0, after.length() - new SqlStatement(after, 0).code().length());
            rest = new SqlStatement(after, rest.line() + 1 + (int) skipped.chars().filter(c -> c == '\n').count());
        }
    }
}
