package io.matey.engine.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dump's view of {@code pg_catalog}: runs one query per object kind, plus the SQL fragments they share. Queries
 * known in advance go to the server together ({@link #prefetch}); closing it closes their results.
 */
final class Catalog implements AutoCloseable {

    /** OIDs below this were assigned by initdb: built-in objects, never the user's. */
    static final long FIRST_USER_OID = 16384;

    /** Namespace {@code n} holds user objects: not pg_catalog, pg_toast, temporary schemas or information_schema. */
    static final String USER_SCHEMA = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, ResultSet> prefetched = new HashMap<>();
    private Statement batch;

    Catalog(Connection connection) {
        this.connection = connection;
    }

    /**
     * Sends {@code queries} in one round trip (the driver sends the statements of one string together and reads
     * their results in turn) rather than one each: a round trip costs a busy host more than these queries
     * (docs/architecture.md §5). Each result waits for its {@link #query}, which reads it as it would have run it.
     */
    void prefetch(List<String> queries) throws SQLException {
        batch = connection.createStatement();
        batch.execute(String.join("\n;\n", queries));
        for (String sql : queries) {
            prefetched.put(sql, batch.getResultSet());
            batch.getMoreResults(Statement.KEEP_CURRENT_RESULT);
        }
    }

    void query(String sql, RowReader reader) throws SQLException {
        ResultSet result = prefetched.remove(sql);
        if (result != null) {
            try (ResultSet rs = result) {
                read(rs, reader);
            }
            return;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            read(rs, reader);
        }
    }

    private static void read(ResultSet rs, RowReader reader) throws SQLException {
        while (rs.next()) {
            reader.read(rs);
        }
    }

    /** Closes the prefetched results that no query read. */
    @Override
    public void close() throws SQLException {
        if (batch != null) {
            batch.close();
        }
    }

    int serverMajorVersion() throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }

    /** The object {@code oid} of {@code catalog} was not created by an extension (pg_dump leaves those out too). */
    static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = '" + catalog + "'::regclass AND x.objid = "
                + oid + " AND x.deptype = 'e')";
    }

    /**
     * The object {@code oid} of {@code catalog} is not part of another object, as the constructor functions
     * and casts of a range type are: they are created with it.
     */
    static String notInternal(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = '" + catalog + "'::regclass AND x.objid = "
                + oid + " AND x.deptype = 'i')";
    }

    /** The name of collation {@code oid} as a COLLATE clause needs it; pg_catalog is always on the path. */
    static String collationName(String oid) {
        return "(SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END"
                + " || quote_ident(co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace"
                + " WHERE co.oid = " + oid + ")";
    }

    /** Generic options ({@code name=value} text[]) as the items of an OPTIONS clause, sorted. */
    static String options(String column) {
        return "ARRAY(SELECT quote_ident(o.option_name) || ' ' || quote_literal(o.option_value)"
                + " FROM pg_options_to_table(" + column + ") o ORDER BY 1)";
    }

    /** An OPTIONS clause with a leading space, or nothing. */
    static String optionsClause(List<String> options) {
        return options.isEmpty() ? "" : " OPTIONS (" + String.join(", ", options) + ")";
    }

    /** Appends {@code ,\n    OPTION = value} to a parenthesised definition unless the value is null (the default). */
    static void option(StringBuilder sql, String option, String value) {
        if (value != null) {
            sql.append(",\n    ").append(option).append(" = ").append(value);
        }
    }

    /** {@link #option} for each option whose value is the row's column of the same name in lower case. */
    static void options(StringBuilder sql, ResultSet row, String... options) throws SQLException {
        for (String option : options) {
            option(sql, option, row.getString(option.toLowerCase(Locale.ROOT)));
        }
    }

    /** A text[] column as a modifiable list; empty for NULL. */
    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
