package io.matey.engine.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads one object's DDL with {@code SHOW CREATE}, cleaned of definers and self-qualifiers. */
final class ShowCreate {

    private final Connection connection;
    private final String database;
    private final CharsetDefaults defaults;

    /** @param defaults the database's, which a function's string result is written against */
    ShowCreate(Connection connection, String database, CharsetDefaults defaults) {
        this.connection = connection;
        this.database = database;
        this.defaults = defaults;
    }

    String sequence(String name) throws SQLException {
        return read("SEQUENCE", name, "Create Table");
    }

    String table(String name) throws SQLException {
        return read("TABLE", name, "Create Table");
    }

    String view(String name) throws SQLException {
        return DdlText.viewWithoutDefaults(read("VIEW", name, "Create View"));
    }

    String function(String name) throws SQLException {
        return DdlText.returnsAsTables(DdlText.returnsWithoutDisplayWidth(read("FUNCTION", name, "Create Function")),
                defaults);
    }

    String procedure(String name) throws SQLException {
        return read("PROCEDURE", name, "Create Procedure");
    }

    String event(String name) throws SQLException {
        return read("EVENT", name, "Create Event");
    }

    String triggerBody(String name) throws SQLException {
        return TriggerBody.of(name, read("TRIGGER", name, "SQL Original Statement"));
    }

    private String read(String kind, String name, String column) throws SQLException {
        String sql = "SHOW CREATE " + kind + " " + Backticks.quote(name);
        String ddl;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ddl = rs.next() ? rs.getString(column) : null;
        } catch (SQLException e) {
            throw new SQLException(sql + " failed: " + MysqlEngine.withoutConnectionId(e), e.getSQLState(), e.getErrorCode(), e);
        }
        if (ddl == null) {
            // The server hides a routine's body from users without the privilege to see it.
            throw new SQLException(sql + " returned no definition; the dump needs privileges to read every object.");
        }
        return DdlText.withoutQualifier(DdlText.withoutDefiner(ddl), database).strip();
    }
}
