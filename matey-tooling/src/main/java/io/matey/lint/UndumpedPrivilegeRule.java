package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.Token;

/**
 * L110: a {@code GRANT} or {@code REVOKE} on a database or a large object, on engines whose dump holds the privileges
 * on the objects inside a database ({@link LintDialect#dumpsObjectPrivileges}: PostgreSQL) but not these
 * (docs/architecture.md §5): a database's privileges are kept in the server's list of databases, under a name that
 * differs between a scratch database and a live one, and a large object is data. {@code schema.sql} not holding
 * them, {@code db bootstrap} would not give them and {@code db drift} would not see them, without a word.
 * A {@code DO} block's body is text to the parser, so one there, run as it is or built for {@code EXECUTE}, is found
 * in that text and reported at its own line.
 */
final class UndumpedPrivilegeRule implements LintRule {

    /** A GRANT or REVOKE on a database or a large object, within one statement of a DO block's body. */
    private static final Pattern IN_BODY = Pattern.compile(
            "(?i)\\b(?:GRANT|REVOKE)\\b[^;]*?\\bON\\s+(DATABASE|LARGE)\\b(?:\\s+OBJECT\\b)?");
    private static final Pattern STATEMENT_END = Pattern.compile("[;'\n]");

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().dumpsObjectPrivileges()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.statements()) {
                String on = target(statement);
                if (on != null) {
                    report(findings, file, statement.line(), "'" + statement.source().summary() + "' ", on);
                } else if (statement.startsWith("DO")) {
                    String body = statement.source().sql();
                    Matcher grant = IN_BODY.matcher(body);
                    while (grant.find()) {
                        // quoted up to the end of the statement or of the string that builds it
                        Matcher end = STATEMENT_END.matcher(body).region(grant.end(), body.length());
                        String text = body.substring(grant.start(), end.find() ? end.start() : body.length());
                        report(findings, file, statement.source().lineAt(grant.start()), "'"
                                + new SqlStatement(text, 0).summary() + "' in a DO block ",
                                grant.group(1).toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    private static void report(Findings findings, MigrationFile file, int line, String quoted, String on) {
        findings.add(Level.WARNING, "L110", file.path(), line, quoted + (on.equals("DATABASE")
                ? "changes the privileges on a database, which schema.sql does not hold: PostgreSQL keeps "
                        + "them in the server's list of databases, and the database is named differently in a "
                        + "scratch database and a live one (a replay runs this against the database it names "
                        + "on the test server). `db bootstrap` does not give them and `db drift` does not see "
                        + "them. Give database privileges where the database is provisioned, outside "
                        + "migrations."
                : "changes the privileges on a large object, which is data, not schema: schema.sql holds "
                        + "neither large objects nor their privileges (as it holds no rows), so `db bootstrap` "
                        + "does not give them, `db drift` does not see them, and a replay from a checkpoint "
                        + "has no such object. Keep large objects and their privileges with the data, outside "
                        + "migrations."));
    }

    /** {@code DATABASE} or {@code LARGE} for a GRANT or REVOKE on those, else null. */
    private static String target(ParsedStatement statement) {
        if (!statement.startsWith("GRANT") && !statement.startsWith("REVOKE")) {
            return null;
        }
        List<Token> tokens = statement.tokens();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i), "ON")) {
                Token kind = tokens.get(i + 1);
                boolean undumped = TokenCursor.is(kind, "DATABASE") || TokenCursor.is(kind, "LARGE");
                return undumped ? kind.image.toUpperCase(Locale.ROOT) : null;
            }
        }
        return null;
    }
}
