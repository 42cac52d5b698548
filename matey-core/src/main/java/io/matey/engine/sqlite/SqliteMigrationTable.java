package io.matey.engine.sqlite;

import io.matey.engine.Identifiers;
import io.matey.engine.SqlMigrationTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * SQLite's {@code schema_migrations}, or the table dbmate's {@code --migrations-table} names, quoted whole as
 * dbmate quotes it. SQLite runs no SQL built at run time, so a statement writes the table only by naming it,
 * itself or through a trigger whose text names it (names compare case-insensitively in ASCII only; the check
 * lower-cases the text, which can only find more names, never fewer).
 */
final class SqliteMigrationTable extends SqlMigrationTable {

    private final String lowerName;
    private final String triggersNamingIt;

    SqliteMigrationTable(String name) {
        super(Identifiers.quoted('"', name), "CREATE TABLE IF NOT EXISTS " + Identifiers.quoted('"', name)
                + " (version varchar(128) primary key)",
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = " + Identifiers.quoted('\'', name));
        this.lowerName = name.toLowerCase(Locale.ROOT);
        // LIKE matches ASCII letters in either case, as SQLite reads names; its wildcards can only find more.
        String naming = Identifiers.quoted('\'', "%" + name + "%");
        this.triggersNamingIt = "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND sql LIKE " + naming
                + " UNION ALL SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND sql LIKE " + naming;
    }

    @Override
    public boolean writtenOnlyWhenNamed(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(triggersNamingIt)) {
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
        return lower.contains(lowerName) || lower.contains("writable_schema") || lower.contains("restore");
    }
}
