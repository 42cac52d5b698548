package io.matey.engine.postgres;

import io.matey.engine.Leftover;
import io.matey.engine.UnconfirmedLeftover;
import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.parser.Token;

/**
 * The invalid index a {@code CREATE INDEX CONCURRENTLY} leaves when it fails or its session ends before it
 * finishes (docs/architecture.md §7): the catalog keeps the index, marked invalid, although the statement did
 * not take effect. Only an invalid index of the statement's own name, on its table, is that leftover; for a
 * statement without a name (PostgreSQL picks {@code t_x_idx}, {@code t_x_idx1}, ...), the one invalid index on its
 * table whose definition PostgreSQL prints as it prints the statement's. A committed state never holds an invalid
 * index (the dump refuses them), so such an index is none of its. Any other invalid index stays one the dump
 * refuses ({@link UnsupportedObjects}).
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
     * does; the index lives in its table's schema. The name is looked up in that schema only: {@code to_regclass}
     * fails on a schema the user may not use, such as {@code pg_toast} for a user that is no superuser.
     */
    private static final String FIND = "WITH t AS (SELECT r.oid, quote_ident(s.nspname) AS schema FROM pg_class r"
            + " JOIN pg_namespace s ON s.oid = r.relnamespace WHERE r.oid = to_regclass(?))"
            + " SELECT c.oid, t.schema || '.' || quote_ident(c.relname)"
            + " FROM t JOIN pg_index i ON i.indrelid = t.oid JOIN pg_class c ON c.oid = i.indexrelid"
            + " WHERE NOT i.indisvalid AND c.oid = to_regclass(t.schema || '.' || ?)";

    /**
     * The invalid indexes of the table as written, unique ones or not, with the table's quoted name and what
     * follows {@code CREATE INDEX name ON table} in their definition.
     */
    private static final String UNNAMED = "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
            + " i.indrelid::regclass::text, pg_get_indexdef(c.oid)"
            + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT i.indisvalid AND i.indrelid = to_regclass(?) AND i.indisunique = ?";

    /** What a {@code CREATE INDEX CONCURRENTLY} statement creates: its name (null: the server picks it) and table. */
    private record Target(String name, String table, boolean unique, String tail) {
    }

    static Optional<InvalidIndex> leftOverBy(Connection connection, SqlStatement statement) throws SQLException {
        ParsedSql parsed = ParsedSql.of(statement);
        if (!parsed.mentions("CONCURRENTLY")) {
            return Optional.empty();
        }
        Optional<Target> target = target(statement.sql(), parsed.head(16));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (target.get().name() == null) {
            return unnamed(connection, target.get());
        }
        try (PreparedStatement ps = connection.prepareStatement(FIND)) {
            ps.setString(1, target.get().table());
            ps.setString(2, target.get().name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new InvalidIndex(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * The one invalid index on the statement's table that PostgreSQL prints as it prints the statement's tail, both
     * echoed on a temporary copy of the table ({@link DeparseEcho}): the catalog keeps no text of the statement.
     */
    private static Optional<InvalidIndex> unnamed(Connection connection, Target target) throws SQLException {
        List<InvalidIndex> candidates = new ArrayList<>();
        List<String> tails = new ArrayList<>();
        String table = null;
        try (PreparedStatement ps = connection.prepareStatement(UNNAMED)) {
            ps.setString(1, target.table());
            ps.setBoolean(2, target.unique());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new InvalidIndex(rs.getLong(1), rs.getString(2)));
                    table = rs.getString(3);
                    String definition = rs.getString(4);
                    tails.add(definition.substring(definition.indexOf(" USING ", definition.indexOf(" ON "))));
                }
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        DeparseEcho echo = new DeparseEcho();
        StringBuilder rendered = new StringBuilder(echo.indexTail(table, target.tail(), "the interrupted statement"));
        for (int i = 0; i < candidates.size(); i++) {
            rendered.append('\u0000').append(echo.indexTail(table, tails.get(i), "index " + candidates.get(i).name()));
        }
        String[] printed;
        try {
            printed = echo.resolve(connection, rendered.toString(), true).split("\u0000", -1);
        } catch (SQLException e) {
            // the statement's tail does not create an index on a copy: not its leftover, or one passing its row on
            return unconfirmed(table, candidates, tails);
        }
        List<InvalidIndex> matching = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (printed[i + 1].equals(printed[0])) {
                matching.add(candidates.get(i));
            }
        }
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /**
     * Where the statement's tail cannot be echoed on a copy, the candidates that pass their table's row on
     * ({@code public.f(t.*)}), which no copy takes either, cannot be compared with it: each may be its leftover, or
     * another session's, so none is dropped unasked; {@link UnconfirmedLeftover} names them and the way out
     * (docs/architecture.md §7). Empty where there are none.
     */
    private static Optional<InvalidIndex> unconfirmed(String table, List<InvalidIndex> candidates, List<String> tails)
            throws UnconfirmedLeftover {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (DeparseEcho.passesOwnRow(table, tails.get(i))) {
                names.add(candidates.get(i).name());
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String drops = "`DROP INDEX CONCURRENTLY " + String.join("`, `DROP INDEX CONCURRENTLY ", names) + "`";
        throw new UnconfirmedLeftover("The failed statement may have left invalid index " + String.join(", ", names)
                + " behind, which Matey cannot tell from another session's (its definition passes the table's row"
                + " on, which PostgreSQL prints only on the table itself): if it is the statement's, run " + drops
                + " before the statement runs again, or the dump refuses the database.");
    }

    /**
     * {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] [name] ON [ONLY] table tail}: the name, the table
     * and the tail as written; empty for any other statement.
     */
    private static Optional<Target> target(String sql, List<Token> tokens) {
        int at = expect(tokens, 0, "CREATE");
        boolean unique = at > 0 && at < tokens.size() && ParsedSql.is(tokens.get(at), "UNIQUE");
        at = expect(tokens, optional(tokens, at, "UNIQUE"), "INDEX");
        at = expect(tokens, at, "CONCURRENTLY");
        if (at >= 0 && at < tokens.size() && ParsedSql.is(tokens.get(at), "IF")) {
            at = expect(tokens, expect(tokens, at + 1, "NOT"), "EXISTS");
        }
        String name = null;
        if (at >= 0 && at + 1 < tokens.size() && ParsedSql.is(tokens.get(at + 1), "ON")) {
            name = tokens.get(at++).image;
        }
        at = expect(tokens, at, "ON");
        if (at < 0) {
            return Optional.empty();
        }
        at = optional(tokens, at, "ONLY");
        if (at >= tokens.size()) {
            return Optional.empty();
        }
        StringBuilder table = new StringBuilder(tokens.get(at).image);
        for (at++; at + 1 < tokens.size() && ParsedSql.is(tokens.get(at), "."); at += 2) {
            table.append('.').append(tokens.get(at + 1).image);
        }
        // a token's absolute offsets are 1-based, its end exclusive; the line break ends a trailing comment
        String tail = sql.substring(tokens.get(at - 1).absoluteEnd - 1) + "\n";
        return Optional.of(new Target(name, table.toString(), unique, tail));
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
