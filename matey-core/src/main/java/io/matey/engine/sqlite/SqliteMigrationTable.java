package io.matey.engine.sqlite;

import io.matey.engine.SqlMigrationTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * SQLite's {@code schema_migrations}. SQLite runs no SQL built at run time, so a statement writes the table only by
 * naming it, itself or through a trigger whose text names it (names compare case-insensitively in ASCII only; the
 * check lower-cases the text, which can only find more names, never fewer).
 */
final class SqliteMigrationTable extends SqlMigrationTable {

    /** {@code LIKE} matches ASCII letters in either case, as SQLite reads names. */
    private static final String TRIGGERS_NAMING_IT = "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND sql LIKE "
            + "'%schema_migrations%' UNION ALL SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND sql LIKE "
            + "'%schema_migrations%'";

    SqliteMigrationTable() {
        super("\"schema_migrations\"", "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version varchar(128) primary key)",
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    }

    @Override
    public boolean writtenOnlyWhenNamed(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(TRIGGERS_NAMING_IT)) {
            return !rs.next();
        }
    }

    /**
     * Naming the table, the pragma that lets a statement rewrite the schema table itself, or sqlite-jdbc's own
     * {@code restore from FILE} statement, which replaces the whole database.
     */
    @Override
    public boolean mayWrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains(NAME) || lower.contains("writable_schema") || lower.contains("restore");
    }
}
