package io.matey.lint;

import io.matey.engine.Engine;
import io.matey.engine.ServerRoles;
import io.matey.engine.WriteGuard;
import io.matey.lint.Finding.Level;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import net.sf.jsqlparser.parser.Token;

/**
 * L108: an up section creating what belongs to the server rather than the database: roles and users
 * ({@code CREATE ROLE|USER|GROUP}; PostgreSQL's {@code CREATE USER MAPPING} is the database's), tablespaces, and server settings ({@code ALTER SYSTEM}, {@code SET GLOBAL|PERSIST}).
 * They outlive the scratch database of a replay and are shared by every database of a live server. Replay drops the
 * roles its migrations created where the engine lists them ({@link ServerRoles}, docs/architecture.md §6); it undoes
 * nothing else. There, a role the down section drops ({@link RoleNames}) is not reported. A statement the engine's write guard refuses (ClickHouse's access control) is L104's to report.
 */
final class ServerLevelRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        boolean dropsRoles = context.plugin().map(engine -> engine.serverRoles() != ServerRoles.NONE).orElse(false);
        WriteGuard guard = context.plugin().map(Engine::writeGuard).orElse(WriteGuard.NONE);
        for (MigrationFile file : context.readableMigrations()) {
            Set<String> droppedRoles = file.downStatements().stream()
                    .filter(statement -> statement.startsWith("DROP"))
                    .flatMap(statement -> RoleNames.dropped(statement.tokens()).stream()).collect(Collectors.toSet());
            for (ParsedStatement statement : file.upStatements()) {
                if (dropsRoles && statement.startsWith("DO")) {
                    checkDoBlock(file, statement, droppedRoles, findings);
                    continue;
                }
                String what = serverObject(statement.head(3));
                if (what == null || guard.foreignWrite(statement.parsed()).isPresent()) {
                    continue;
                }
                String quoted = "'" + statement.source().summary() + "' ";
                if (what.equals("role") && dropsRoles) {
                    if (!droppedRoles.contains(RoleNames.created(statement.tokens()))) {
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
     * as replay finds them ({@link ServerRoles#POSTGRES_CREATE_ROLE}), and reported at their own line.
     */
    private static void checkDoBlock(MigrationFile file, ParsedStatement statement, Set<String> droppedRoles,
            Findings findings) {
        String body = statement.source().sql();
        Matcher created = ServerRoles.POSTGRES_CREATE_ROLE.matcher(body);
        while (created.find()) {
            String role = created.group(1) != null ? created.group(1).replace("\"\"", "\"") : created.group(2);
            if (!droppedRoles.contains(role.toLowerCase(Locale.ROOT))) {
                reportRole(findings, file, statement.source().lineAt(created.start()),
                        "'" + created.group() + "' in a DO block ");
            }
        }
    }

    private static void reportRole(Findings findings, MigrationFile file, int line, String quoted) {
        // Not reported where the down section drops the role: replay drops it, and so does db down.
        findings.add(Level.WARNING, "L108", file.path(), line, quoted + "creates a role, which "
                + "belongs to the server, not the database: replay drops it with its scratch database, but "
                + "on a live server it outlives `db down` unless the down section drops it, and it is shared "
                + "by every database there (migrating a second database from this history fails with "
                + "'already exists'). Create roles where the server is provisioned, or drop it in the down "
                + "section.");
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
