package io.matey.engine.clickhouse;

import io.matey.engine.clickhouse.ClickHouseTokens.Kind;
import io.matey.engine.clickhouse.ClickHouseTokens.Token;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One object's CREATE query as the canonical dump prints it (docs/architecture.md §5): ClickHouse's own formatting,
 * without what would tie it to the database it was read from or to the server's defaults. References to the
 * database itself lose their qualifier ({@code db.events} → {@code events}, {@code dictGet('db.d', ...)} →
 * {@code dictGet('d', ...)}, a dictionary source's {@code DB 'db'}), so the dump loads into any database and dumps
 * the same there (a {@code Merge}, {@code Buffer} or {@code Distributed} engine's argument naming it becomes
 * {@code currentDatabase()}); {@code index_granularity = 8192}, which the server adds to every MergeTree table, is
 * left out.
 */
final class CreateQuery {

    private static final Pattern DEFAULT_GRANULARITY_ONLY = Pattern.compile("(?m)^SETTINGS index_granularity = 8192$\\n?");
    private static final Pattern DEFAULT_GRANULARITY_FIRST = Pattern.compile("(?m)^(SETTINGS )index_granularity = 8192, ");
    private static final Pattern DEFAULT_GRANULARITY_LATER = Pattern.compile("(?m)^(SETTINGS .*), index_granularity = 8192(?=,|$)");
    /**
     * Engines whose arguments name a database: {@code currentDatabase()} there is evaluated when the table is created
     * and stored as the name.
     */
    private static final Pattern DATABASE_ENGINE_LINE = Pattern.compile("(?m)^(\\s*ENGINE = (?:Merge|Buffer|Distributed)\\().*$");
    /** The words after which a query names a table it reads or writes. */
    private static final Set<String> TABLE_WORDS = Set.of("FROM", "JOIN", "TO", "IN");
    private static final String HIDDEN = "'[HIDDEN]'";

    private CreateQuery() {
    }

    /** The canonical text of {@code formatted} (the server's {@code formatQuery} of the object's CREATE query). */
    static String canonical(String formatted, String database, String object) throws SQLException {
        for (Token token : ClickHouseTokens.of(formatted)) {
            if (token.kind() == Kind.STRING && token.text().equals(HIDDEN)) {
                throw new SQLException("ClickHouse object '" + object + "' holds a secret the server hides in its "
                        + "definition ([HIDDEN]), so its dump could not be loaded; keep credentials in named collections "
                        + "or server configuration instead.");
            }
        }
        String text = DEFAULT_GRANULARITY_ONLY.matcher(withoutOwnDatabase(formatted, database)).replaceAll("");
        text = DEFAULT_GRANULARITY_FIRST.matcher(text).replaceAll("$1");
        text = DEFAULT_GRANULARITY_LATER.matcher(text).replaceAll("$1");
        String own = ClickHouseConnector.literal(database);
        text = DATABASE_ENGINE_LINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + m.group().substring(m.group(1).length()).replace(own, "currentDatabase()")));
        return text.strip();
    }

    /**
     * {@code sql} without its references to {@code database} itself: {@code db.events} → {@code events},
     * {@code 'db.d'} → {@code 'd'} (dictGet's dictionary, joinGet's table), a dictionary source's {@code DB 'db'}
     * dropped. The dump's CREATE queries and codegen's column expressions (defaults, MATERIALIZED, ALIAS, which
     * ClickHouse stores qualified) go through it alike, so models and schema.sql agree (docs/architecture.md §3).
     */
    static String withoutOwnDatabase(String sql, String database) {
        List<Token> tokens = ClickHouseTokens.of(sql);
        StringBuilder out = new StringBuilder(sql.length());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isName() && token.value().equals(database) && i + 1 < tokens.size()
                    && tokens.get(i + 1).text().equals(".") && !isDot(ClickHouseTokens.previous(tokens, i))) {
                i++;
                continue;
            }
            if (token.is("DB") && i + 2 < tokens.size() && tokens.get(i + 2).kind() == Kind.STRING
                    && tokens.get(i + 2).value().equals(database)) {
                i += tokens.size() > i + 3 && tokens.get(i + 3).kind() == Kind.SPACE ? 3 : 2;
                continue;
            }
            if (token.kind() == Kind.STRING && token.value().startsWith(database + ".")) {
                out.append(ClickHouseConnector.literal(token.value().substring(database.length() + 1)));
                continue;
            }
            out.append(token.text());
        }
        return out.toString();
    }

    /**
     * The unqualified names a canonical query may depend on: tables after FROM, JOIN, TO and IN, every identifier in
     * the ENGINE clause's arguments (Buffer, Dictionary, Distributed, Merge name tables there), and every string
     * literal (dictGet's dictionary, a dictionary source's TABLE). Over-reading is harmless: only names of objects
     * in the dump count, and they only order the dump.
     */
    static Set<String> references(String canonical) {
        List<Token> tokens = ClickHouseTokens.of(canonical);
        Set<String> names = new LinkedHashSet<>();
        int engineDepth = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.text().equals("(")) {
                depth++;
            } else if (token.text().equals(")")) {
                depth--;
                if (depth <= engineDepth) {
                    engineDepth = -1;
                }
            } else if (token.is("ENGINE")) {
                engineDepth = depth;
            } else if (token.kind() == Kind.STRING) {
                names.add(token.value());
            } else if (token.isName()) {
                Token before = ClickHouseTokens.previous(tokens, i);
                Token after = ClickHouseTokens.next(tokens, i);
                boolean qualified = isDot(after) || isDot(before);
                boolean called = after != null && after.text().equals("(");
                boolean afterTableWord = before != null && TABLE_WORDS.stream().anyMatch(before::is);
                if (!qualified && !called && (afterTableWord || engineDepth >= 0 && depth > engineDepth)) {
                    names.add(token.value());
                }
            }
        }
        return names;
    }

    private static boolean isDot(Token token) {
        return token != null && token.text().equals(".");
    }
}
