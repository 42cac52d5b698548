package io.matey.lint;

import io.matey.engine.Engine;
import io.matey.engine.ServerRoles;
import io.matey.engine.WriteGuard;
import io.matey.lint.Finding.Level;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.Token;

/**
 * L108: an up section creating what belongs to the server rather than the database: roles and users
 * ({@code CREATE ROLE|USER|GROUP}; PostgreSQL's {@code CREATE USER MAPPING} is the database's), tablespaces, and server settings ({@code ALTER SYSTEM}, {@code SET GLOBAL|PERSIST}).
 * They outlive the scratch database of a replay and are shared by every database of a live server. Replay drops the
 * roles its migrations created where the engine lists them ({@link ServerRoles}, docs/architecture.md §6); it undoes
 * nothing else. A role creation is reported unless it is guarded against the role existing already, as it does when a
 * second database on the server is migrated from the same history: a down section that drops the role does not help
 * there. A statement the engine's write guard refuses (ClickHouse's access control) is L104's to report.
 */
final class ServerLevelRule implements LintRule {

    /**
     * A PostgreSQL {@code DO} body that tolerates an existing role: it catches {@code duplicate_object} (or any error),
     * or looks the role up in the catalog first ({@code IF NOT EXISTS (SELECT FROM pg_roles ...)}).
     */
    private static final Pattern GUARDED_BODY = Pattern.compile(
            "\\bWHEN\\s+(?:duplicate_object|others)\\b|\\bpg_(?:roles|authid|user|group)\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public void check(LintContext context, Findings findings) {
        boolean listsRoles = context.plugin().map(engine -> engine.serverRoles() != ServerRoles.NONE).orElse(false);
        WriteGuard guard = context.plugin().map(Engine::writeGuard).orElse(WriteGuard.NONE);
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.upStatements()) {
                if (listsRoles && statement.startsWith("DO")) {
                    checkDoBlock(file, statement, findings);
                    continue;
                }
                String what = serverObject(statement.head(3));
                if (what == null || guard.foreignWrite(statement.parsed()).isPresent()) {
                    continue;
                }
                String quoted = "'" + statement.source().summary() + "' ";
                if (what.equals("role") && listsRoles) {
                    if (!ifNotExists(statement.tokens())) {
                        reportRole(findings, file, statement.line(), quoted);
                    }
                } else {
                    findings.add(Level.WARNING, "L108", file.path(), statement.line(), quoted + "changes the server (a "
                            + what + "), not the database: it stays on the test server after the replay's scratch "
                            + "database is dropped, so a second replay may fail or run on a changed server, and on a "
                            + "live server it is shared by every database there. Make such changes where the server "
                            + "is provisioned, outside migrations.");
                }
            }
        }
    }

    /**
     * The roles a PostgreSQL {@code DO} block creates: its body is text to the parser, so they are found in that text,
     * as replay finds them ({@link ServerRoles#POSTGRES_CREATE_ROLE}), and reported at their own line unless the body
     * guards them.
     */
    private static void checkDoBlock(MigrationFile file, ParsedStatement statement, Findings findings) {
        String body = statement.source().sql();
        if (GUARDED_BODY.matcher(body).find()) {
            return;
        }
        Matcher created = ServerRoles.POSTGRES_CREATE_ROLE.matcher(body);
        while (created.find()) {
            reportRole(findings, file, statement.source().lineAt(created.start()),
                    "'" + created.group() + "' in a DO block ");
        }
    }

    /** MySQL/MariaDB's {@code CREATE ROLE|USER IF NOT EXISTS}, which skips an existing account. */
    private static boolean ifNotExists(List<Token> tokens) {
        TokenCursor head = new TokenCursor(tokens);
        return head.accept("CREATE") && head.acceptAny("ROLE", "USER", "GROUP") && head.accept("IF", "NOT", "EXISTS");
    }

    private static void reportRole(Findings findings, MigrationFile file, int line, String quoted) {
        findings.add(Level.WARNING, "L108", file.path(), line, quoted + "creates a role, which "
                + "belongs to the server, not the database: replay drops it with its scratch database, but on a live "
                + "server it is shared by every database there, so migrating a second database there from this "
                + "history (or replaying it there) fails with 'already exists', "
                + "whatever the down section drops. Create roles where the server is provisioned, or guard the "
                + "creation: on PostgreSQL `DO $$ BEGIN CREATE ROLE ...; EXCEPTION WHEN duplicate_object THEN NULL; "
                + "END $$`, on MySQL/MariaDB `CREATE USER|ROLE IF NOT EXISTS`.");
    }

    /** {@code role}, {@code tablespace}, {@code setting}, or null for a statement inside the database; reads 3 tokens. */
    private static String serverObject(List<Token> tokens) {
        if (tokens.size() < 2) {
            return null;
        }
        Token first = tokens.get(0);
        Token second = tokens.get(1);
        if (TokenCursor.is(first, "CREATE")) {
            boolean userMapping = tokens.size() > 2 && TokenCursor.is(tokens.get(2), "MAPPING");
            if (TokenCursor.is(second, "ROLE") || TokenCursor.is(second, "GROUP")
                    || TokenCursor.is(second, "USER") && !userMapping) {
                return "role";
            }
            return TokenCursor.is(second, "TABLESPACE") ? "tablespace" : null;
        }
        boolean setting = TokenCursor.is(first, "ALTER") && TokenCursor.is(second, "SYSTEM")
                || TokenCursor.is(first, "SET") && (TokenCursor.is(second, "GLOBAL") || TokenCursor.is(second, "PERSIST")
                        || TokenCursor.is(second, "PERSIST_ONLY"));
        return setting ? "setting" : null;
    }
}
