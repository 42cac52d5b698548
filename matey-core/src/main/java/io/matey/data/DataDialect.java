package io.matey.data;

import io.matey.error.MateyException;
import io.matey.engine.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What data export and apply need to know about an engine's SQL. */
enum DataDialect {
    SQLITE("\"", ""),
    /** Explicit values win over identity columns declared {@code GENERATED ALWAYS}, as reference data needs. */
    POSTGRES("\"", " OVERRIDING SYSTEM VALUE"),
    MYSQL("`", "");

    private final String quote;
    private final String insertOverride;

    DataDialect(String quote, String insertOverride) {
        this.quote = quote;
        this.insertOverride = insertOverride;
    }

    static DataDialect of(Engine engine) {
        return switch (engine.id()) {
            case "sqlite" -> SQLITE;
            case "postgres" -> POSTGRES;
            case "mysql" -> MYSQL;
            default -> throw new MateyException("Data sets are supported on sqlite, postgres and mysql targets, not "
                    + engine.id() + ".");
        };
    }

    /** Every identifier is quoted, so no name from a manifest or a file is ever read as SQL. */
    String quote(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /**
     * Sets SQLite's per-connection foreign key enforcement (off by default there, always on elsewhere), so that a
     * set leaving a dangling reference fails as a whole; returns the previous setting. It cannot change inside a
     * transaction, so call it with auto-commit on.
     */
    boolean enforceForeignKeys(Connection connection, boolean on) throws SQLException {
        if (this != SQLITE) {
            return true;
        }
        try (Statement statement = connection.createStatement()) {
            boolean before;
            try (ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
                before = rs.next() && rs.getInt(1) == 1;
            }
            statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
            return before;
        }
    }

    /** The text between an INSERT's column list and its {@code VALUES}. */
    String insertOverride() {
        return insertOverride;
    }
}
