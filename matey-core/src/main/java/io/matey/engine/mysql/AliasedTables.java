package io.matey.engine.mysql;

import io.matey.engine.Rows;
import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB keeps a generated column's expression resolved in each table instance it caches, under the name that the
 * statement opening the instance gave the table. Once a statement opened it under an alias ({@code FROM customers c}
 * in a query, a join, a view being created), renaming a column the expression reads ({@code RENAME COLUMN},
 * {@code CHANGE}) fails with {@code Unknown column 'x' in 'GENERATED ALWAYS AS'}, on every connection, until the
 * instance leaves the table cache (the failed statement itself evicts it, so a second run passes). A replay dumps
 * after each migration and the dump opens every table under its own name, so it would pass where {@code db up} of the
 * same migrations in one batch, or a database its application queries, fails. Before a replayed section that alters
 * tables, each table with a generated column is flushed and opened under an alias: the live state in which such a
 * rename fails (docs/architecture.md §6).
 */
final class AliasedTables {

    private static final Pattern ALTERS = Pattern.compile("(?i)\\bALTER\\b");
    private static final Pattern UNKNOWN_IN_GENERATED =
            Pattern.compile("Unknown column '([^']*)' in 'GENERATED ALWAYS AS'");
    /** Error 1054, ER_BAD_FIELD_ERROR. */
    private static final int UNKNOWN_COLUMN = 1054;
    /** Error 1227, ER_SPECIFIC_ACCESS_DENIED_ERROR: FLUSH needs the RELOAD privilege. */
    private static final int ACCESS_DENIED = 1227;

    private AliasedTables() {
    }

    /**
     * Flushes the tables with generated columns and opens each under an alias, before a replayed section that alters
     * tables; without the {@code RELOAD} privilege {@code FLUSH} needs, nothing, and what that leaves unchecked.
     */
    static Optional<String> open(Connection connection, Section section) throws SQLException {
        if (!ALTERS.matcher(section.sql()).find()) {
            return Optional.empty();
        }
        List<String> tables = new ArrayList<>();
        Rows.forEach(connection, "SELECT DISTINCT c.TABLE_NAME FROM information_schema.COLUMNS c "
                + "JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                + "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE <> 'VIEW' AND c.GENERATION_EXPRESSION <> '' "
                + "ORDER BY c.TABLE_NAME", rs -> tables.add(rs.getString(1)));
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        List<String> quoted = tables.stream().map(Backticks::quote).toList();
        try (Statement st = connection.createStatement()) {
            try {
                st.execute("FLUSH NO_WRITE_TO_BINLOG TABLES " + String.join(", ", quoted));
            } catch (SQLException e) {
                if (e.getErrorCode() != ACCESS_DENIED) {
                    throw e;
                }
                return Optional.of("the test server's user lacks the RELOAD privilege that FLUSH TABLES needs, so the "
                        + "replay could not open the tables with generated columns (" + String.join(", ", tables)
                        + ") under an alias before the sections that alter tables: a rename of a column a generated "
                        + "column reads may replay here and fail in db up or dbmate. Grant it to check such renames: "
                        + "GRANT RELOAD ON *.* TO <the test server's user>.");
            }
            for (String table : quoted) {
                st.execute("SELECT 1 FROM " + table + " AS matey_alias LIMIT 0");
            }
        }
        return Optional.empty();
    }

    /** The advice for a rename that failed so, where the statement renames the column the server names. */
    static String hint(SqlStatement statement, SQLException failure) {
        Matcher unknown = UNKNOWN_IN_GENERATED.matcher(String.valueOf(failure.getMessage()));
        if (failure.getErrorCode() != UNKNOWN_COLUMN || !unknown.find()) {
            return "";
        }
        String column = Pattern.quote(unknown.group(1));
        Pattern renames = Pattern.compile("(?is)\\b(RENAME\\s+COLUMN|CHANGE(\\s+COLUMN)?)\\s+(IF\\s+EXISTS\\s+)?`?"
                + column + "`?\\s");
        if (!renames.matcher(statement.code()).find()) {
            return "";
        }
        return " MariaDB cannot rename a column that a generated column reads once a statement opened the table under "
                + "an alias (`FROM t AS x` in a view, a join, an application's query), until the table leaves the "
                + "server's table cache: db up and dbmate fail so on any connection, and may pass at another time, so "
                + "the replay opens each such table under an alias before a section runs. Rename the column and "
                + "redefine the generated column over the new name in one statement: `ALTER TABLE t RENAME COLUMN "
                + unknown.group(1) + " TO new_name, MODIFY generated_column type AS "
                + "(expression over new_name) VIRTUAL|STORED`.";
    }
}
