package io.matey.engine.postgres;

import io.matey.engine.Leftover;
import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.parser.Token;

/**
 * The invalid index a {@code CREATE INDEX CONCURRENTLY} leaves when it fails or its session ends before it
 * finishes (docs/architecture.md §7): the catalog keeps the index, marked invalid, although the statement did
 * not take effect. Only an invalid index of the statement's own name, on its table, is that leftover; any other
 * invalid index stays one the dump refuses ({@link UnsupportedObjects}).
 *
 * @param oid  the index's {@code pg_class} oid, which the dump leaves out
 * @param name the index's qualified, quoted name
 */
record InvalidIndex(long oid, String name) implements Leftover {

    /** The session setting the dump's catalog queries read the left-out index from ({@code 0}: none). */
    static final String DUMPED_SETTING = "matey.leftover_index";

    /** The left-out index's oid as the dump's catalog queries read it. */
    static final String DUMPED_OID = "current_setting('" + DUMPED_SETTING + "')::oid";

    /**
     * The name and the table as written go to {@code to_regclass}, which reads quoting and case as PostgreSQL
     * does; the index lives in its table's schema.
     */
    private static final String FIND = "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
            + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT i.indisvalid AND i.indrelid = to_regclass(?)"
            + " AND c.oid = to_regclass(quote_ident(n.nspname) || '.' || ?)";

    static Optional<InvalidIndex> leftOverBy(Connection connection, SqlStatement statement) throws SQLException {
        ParsedSql parsed = ParsedSql.of(statement);
        if (!parsed.mentions("CONCURRENTLY")) {
            return Optional.empty();
        }
        Optional<String[]> target = nameAndTable(parsed.head(16));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement(FIND)) {
            ps.setString(1, target.get()[1]);
            ps.setString(2, target.get()[0]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new InvalidIndex(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table}: the name and the table as
     * written; empty for any other statement, and for an index without a name (the server picks it).
     */
    private static Optional<String[]> nameAndTable(List<Token> tokens) {
        int at = expect(tokens, 0, "CREATE");
        at = optional(tokens, at, "UNIQUE");
        at = expect(tokens, at, "INDEX");
        at = expect(tokens, at, "CONCURRENTLY");
        if (at >= 0 && at < tokens.size() && ParsedSql.is(tokens.get(at), "IF")) {
            at = expect(tokens, expect(tokens, at + 1, "NOT"), "EXISTS");
        }
        if (at < 0 || at + 2 >= tokens.size() || !ParsedSql.is(tokens.get(at + 1), "ON")) {
            return Optional.empty();
        }
        String name = tokens.get(at).image;
        at = optional(tokens, at + 2, "ONLY");
        if (at >= tokens.size()) {
            return Optional.empty();
        }
        StringBuilder table = new StringBuilder(tokens.get(at).image);
        for (at++; at + 1 < tokens.size() && ParsedSql.is(tokens.get(at), "."); at += 2) {
            table.append('.').append(tokens.get(at + 1).image);
        }
        return Optional.of(new String[] {name, table.toString()});
    }

    /** The position after {@code keyword} at {@code at}; -1 when it is not there (or {@code at} is -1). */
    private static int expect(List<Token> tokens, int at, String keyword) {
        return at >= 0 && at < tokens.size() && ParsedSql.is(tokens.get(at), keyword) ? at + 1 : -1;
    }

    private static int optional(List<Token> tokens, int at, String keyword) {
        int after = expect(tokens, at, keyword);
        return after < 0 ? at : after;
    }

    @Override
    public String description() {
        return "invalid index " + name;
    }

    /** Concurrently, as it was being created: writes to its table go on meanwhile. */
    @Override
    public void drop(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + name);
        }
    }
}
