package io.matey.engine.mysql;

import io.matey.engine.MigrationProgress;
import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The objects of the current database, listed with one information_schema query per kind and sorted by name
 * (Java string order, independent of server collations). Kinds the dump cannot render fail here, naming the
 * object, rather than being left out.
 */
record MysqlCatalog(String database, List<String> sequences, List<String> tables, List<String> views,
        List<String> functions, List<String> procedures, List<Trigger> triggers, List<String> events,
        Set<String> clockStartedEvents, Map<String, Set<String>> foreignKeys) {

    /** A trigger and its place among the triggers fired by the same table, timing and event. */
    record Trigger(String name, String table, String timing, String event, long actionOrder) {
        boolean firesWith(Trigger other) {
            return table.equals(other.table) && timing.equals(other.timing) && event.equals(other.event);
        }

        /**
         * The statement that creates it, its header built from the catalog: the server keeps the header as written
         * and rewrites its table name quoted on RENAME TABLE, so its text would depend on how the trigger was
         * written and on the table's history (docs/architecture.md §5). Creating the triggers in the dump's order
         * gives each its place, so the header needs no FOLLOWS or PRECEDES.
         *
         * @param body as {@link TriggerBody} cuts it from the server's copy
         */
        String createStatement(String body) {
            return "CREATE TRIGGER " + Backticks.quote(name) + " " + timing + " " + event + " ON " + Backticks.quote(table)
                    + " FOR EACH ROW\n" + body;
        }
    }

    static MysqlCatalog read(Connection connection, String migrationsTable) throws SQLException {
        String database = currentDatabase(connection);
        List<String> sequences = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        List<String> procedures = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        List<String> events = new ArrayList<>();
        Set<String> clockStartedEvents = new TreeSet<>();
        Map<String, Set<String>> foreignKeys = new TreeMap<>();

        Rows.forEach(connection, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", rs -> {
            String name = rs.getString(1);
            String type = rs.getString(2);
            switch (type) {
                case "BASE TABLE", "SYSTEM VERSIONED" -> {
                    if (!name.equals(migrationsTable) && !name.equals(MigrationProgress.TABLE)) {
                        tables.add(name);
                    }
                }
                case "VIEW" -> views.add(name);
                case "SEQUENCE" -> sequences.add(name);
                default -> throw unsupported("table", name, type);
            }
        });
        Rows.forEach(connection, "SELECT ROUTINE_NAME, ROUTINE_TYPE, SQL_MODE FROM information_schema.ROUTINES "
                + "WHERE ROUTINE_SCHEMA = DATABASE()", rs -> {
            String name = rs.getString(1);
            String type = rs.getString(2);
            switch (type) {
                case "FUNCTION" -> functions.add(name);
                case "PROCEDURE" -> procedures.add(name);
                default -> throw unsupported("routine", name, type);
            }
            BodySqlModes.require(type.toLowerCase(Locale.ROOT), name, rs.getString(3));
        });
        Rows.forEach(connection, "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, "
                + "SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()", rs -> {
            BodySqlModes.require("trigger", rs.getString(1), rs.getString(6));
            triggers.add(new Trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
        });
        // A repeating event whose schedule names no STARTS starts when it is created, or when ALTER EVENT gives it a
        // new schedule without one, which a later ALTER EVENT leaves between CREATED and LAST_ALTERED (the server
        // keeps no other trace); STARTS is shown in the event's time zone, CREATED and LAST_ALTERED in the session's.
        Rows.forEach(connection, "SELECT EVENT_NAME, SQL_MODE, CONVERT_TZ(STARTS, TIME_ZONE, @@SESSION.time_zone) "
                + "BETWEEN CREATED AND LAST_ALTERED FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()",
                rs -> {
            BodySqlModes.require("event", rs.getString(1), rs.getString(2));
            events.add(rs.getString(1));
            if (rs.getBoolean(3)) {
                clockStartedEvents.add(rs.getString(1));
            }
        });
        Rows.forEach(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = DATABASE()",
                rs -> foreignKeys.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)));

        List.of(sequences, tables, views, functions, procedures, events).forEach(names -> names.sort(null));
        triggers.sort((a, b) -> a.name().compareTo(b.name()));
        return new MysqlCatalog(database, sequences, tables, views, functions, procedures, triggers, events,
                clockStartedEvents, foreignKeys);
    }

    /** Names of the foreign keys information_schema lists for a table. */
    Set<String> foreignKeysOf(String table) {
        return foreignKeys.getOrDefault(table, Set.of());
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            String database = rs.getString(1);
            if (database == null) {
                throw new SQLException("No database selected: the MySQL schema dump reads the connection's current database.");
            }
            return database;
        }
    }

    private static SQLException unsupported(String what, String name, String type) {
        return new SQLException("MySQL " + what + " `" + name + "` of type '" + type
                + "' is not covered by the schema dump; Matey cannot dump this database faithfully.");
    }

}
