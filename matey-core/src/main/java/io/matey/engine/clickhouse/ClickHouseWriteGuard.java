package io.matey.engine.clickhouse;

import io.matey.engine.WriteGuard;
import io.matey.engine.WriteTargets;
import io.matey.migration.ParsedSql;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * A ClickHouse statement may name any database of the server, so like MySQL's guard this one refuses every
 * qualified write target (the target's own database name included: in a replay it is the live database), {@code USE}
 * and database statements (docs/architecture.md §6). ClickHouse adds ways to write elsewhere that JSqlParser does
 * not know: a materialized view's {@code TO} table, {@code CREATE DICTIONARY}, {@code ATTACH|DETACH|OPTIMIZE|EXCHANGE},
 * {@code MOVE PARTITION ... TO TABLE}, {@code INSERT INTO FUNCTION}, server-wide SQL functions, and access control
 * (users, roles, grants, row policies, quotas, settings profiles: server-wide entities no replay can undo, see
 * docs/architecture.md §6). Reads from other databases ({@code FROM other.t}, a dictionary source,
 * {@code CREATE TABLE t AS other.t}) stay allowed.
 */
final class ClickHouseWriteGuard implements WriteGuard {

    private static final Set<String> WRITE_VERBS = Set.of("CREATE", "ALTER", "DROP", "ATTACH", "DETACH", "EXCHANGE",
            "OPTIMIZE", "RENAME", "TRUNCATE", "INSERT", "REPLACE", "UNDROP");
    /** What {@code CREATE|ALTER|DROP} of an access entity starts with after the verb ({@code ROW POLICY}, {@code SETTINGS PROFILE}). */
    private static final Set<String> ACCESS_ENTITIES = Set.of("USER", "ROLE", "ROW", "POLICY", "QUOTA", "SETTINGS",
            "PROFILE");
    /** Words after which these statements name an object they create, change or fill. */
    private static final Set<String> OBJECT_WORDS = Set.of("TABLE", "TABLES", "DICTIONARY", "DICTIONARIES", "VIEW", "TO");

    @Override
    public Optional<String> foreignWrite(ParsedSql statement) {
        if (WriteTargets.startsWith(statement, "USE")) {
            return Optional.of("USE switches the session to another database");
        }
        Optional<String> database = WriteTargets.databaseStatement(statement, Set.of("DATABASE"));
        if (database.isPresent()) {
            return Optional.of(database.get() + " acts on a database of its own");
        }
        List<Token> head = statement.head(3);
        Optional<String> access = accessControl(head);
        if (access.isPresent()) {
            return access;
        }
        if (head.isEmpty() || !WRITE_VERBS.contains(upper(head.get(0)))) {
            return Optional.empty();
        }
        String verb = upper(head.get(0));
        if (head.size() > 1 && upper(head.get(1)).equals("DATABASE")) {
            return Optional.of(verb + " DATABASE acts on a database of its own");
        }
        if ((verb.equals("CREATE") || verb.equals("DROP")) && statement.mentions("FUNCTION")
                && head.stream().anyMatch(t -> ParsedSql.is(t, "FUNCTION"))) {
            return Optional.of(verb + " FUNCTION changes a function of the whole server, outside any database");
        }
        if (verb.equals("INSERT") && statement.mentions("FUNCTION") && head.size() > 2
                && (ParsedSql.is(head.get(2), "FUNCTION") || ParsedSql.is(head.get(2), "TABLE"))) {
            return Optional.of("INSERT INTO FUNCTION writes through a table function, outside the database");
        }
        Optional<WriteTargets.Name> qualified = WriteTargets.of(statement).stream().filter(WriteTargets.Name::qualified)
                .findFirst();
        if (qualified.isEmpty() && statement.source().sql().indexOf('.') >= 0) {
            qualified = qualifiedAfterObjectWords(statement.tokens(), verb.equals("EXCHANGE"));
        }
        return qualified.map(name -> "write target " + name + " names database " + name.qualifier());
    }

    /**
     * Why a statement changes the server's access control, which a replay cannot undo: this chdb-based test server
     * refuses it (its only user directory is the read-only users.xml), and on a server that allows it the users,
     * roles and grants would outlive the scratch database (docs/architecture.md §6).
     */
    private static Optional<String> accessControl(List<Token> head) {
        if (head.size() < 2) {
            return Optional.empty();
        }
        String verb = upper(head.get(0));
        String what;
        if (verb.equals("GRANT") || verb.equals("REVOKE")) {
            what = verb;
        } else if (Set.of("CREATE", "ALTER", "DROP").contains(verb) && ACCESS_ENTITIES.contains(upper(head.get(1)))) {
            what = verb + " " + upper(head.get(1)) + (head.size() > 2 && Set.of("ROW", "SETTINGS").contains(
                    upper(head.get(1))) ? " " + upper(head.get(2)) : "");
        } else if (verb.equals("SET") && upper(head.get(1)).equals("DEFAULT")) {
            what = "SET DEFAULT ROLE";
        } else {
            return Optional.empty();
        }
        return Optional.of(what + " changes the server's access control (users, roles and their grants belong to the "
                + "whole server, not the database, so a replay would leave them on the test server): create them where "
                + "the server is provisioned");
    }

    /** A qualified name right after TABLE, DICTIONARY, VIEW, TO (and AND in EXCHANGE TABLES a AND b). */
    private static Optional<WriteTargets.Name> qualifiedAfterObjectWords(List<Token> tokens, boolean exchange) {
        for (int i = 0; i + 3 < tokens.size(); i++) {
            String word = upper(tokens.get(i));
            if (word.equals("AS") || word.equals("FROM")) {
                return Optional.empty(); // the rest of the statement is a query or a source: reads
            }
            if (!OBJECT_WORDS.contains(word) && !(exchange && word.equals("AND"))) {
                continue;
            }
            int at = i + 1;
            while (at < tokens.size() && Set.of("IF", "NOT", "EXISTS").contains(upper(tokens.get(at)))) {
                at++;
            }
            if (at + 2 < tokens.size() && tokens.get(at + 1).image.equals(".")) {
                return Optional.of(new WriteTargets.Name(List.of(unquote(tokens.get(at).image),
                        unquote(tokens.get(at + 2).image))));
            }
        }
        return Optional.empty();
    }

    private static String upper(Token token) {
        return token.image.toUpperCase(Locale.ROOT);
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("`") && name.endsWith("`") || name.startsWith("\"") && name.endsWith("\""))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
