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
 * {@code MOVE PARTITION ... TO TABLE}, {@code INSERT INTO FUNCTION}, and server-wide SQL functions. Reads from other
 * databases ({@code FROM other.t}, a dictionary source, {@code CREATE TABLE t AS other.t}) stay allowed.
 */
final class ClickHouseWriteGuard implements WriteGuard {

    private static final Set<String> WRITE_VERBS = Set.of("CREATE", "ALTER", "DROP", "ATTACH", "DETACH", "EXCHANGE",
            "OPTIMIZE", "RENAME", "TRUNCATE", "INSERT", "REPLACE", "UNDROP");
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
