package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the database's event triggers off the temporary objects {@link DeparseEcho} creates (docs/architecture.md
 * §5), and names one that still fires on them and fails. A trigger guarding where objects go (none outside schema
 * {@code app}) would refuse them: they are Matey's, rolled back, and no part of the schema, so the echo runs under
 * {@code session_replication_role = replica}, in which a trigger enabled in the default mode does not fire. A
 * session may set it as a superuser or, from PostgreSQL 15, when granted SET on it; a trigger {@code ENABLE ALWAYS}
 * fires in every mode. Where it is {@code ENABLE REPLICA}, which fires in replica mode only, the mode stays.
 * Migrations run outside the echo and fire every trigger as usual.
 */
final class EchoEventTriggers {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final String SQL = """
            SELECT quote_ident(e.evtname), e.evtenabled, p.proname, current_setting('session_replication_role')
            FROM pg_event_trigger e JOIN pg_proc p ON p.oid = e.evtfoid
            WHERE e.evtenabled <> 'D' ORDER BY 1
            """;

    private record Trigger(String name, String enabled, Pattern function) {
    }

    private final List<Trigger> firing;
    private final boolean refused;

    private EchoEventTriggers(List<Trigger> firing, boolean refused) {
        this.firing = firing;
        this.refused = refused;
    }

    /**
     * Within the echo's scratch transaction: sets replica mode for it where a trigger in the default mode would
     * otherwise fire and none waits for replica mode, and the session may; returns the triggers that still fire.
     */
    static EchoEventTriggers quiet(Connection connection) throws SQLException {
        List<Trigger> enabled = new ArrayList<>();
        String mode;
        try (Statement st = connection.createStatement(); var rs = st.executeQuery(SQL)) {
            mode = "origin";
            while (rs.next()) {
                enabled.add(new Trigger(rs.getString(1), rs.getString(2), Pattern.compile(
                        "\\bfunction (?:\\S+\\.)?\"?" + Pattern.quote(rs.getString(3)) + "\"?(?=[(\\s]|$)",
                        Pattern.MULTILINE)));
                mode = rs.getString(4);
            }
        }
        boolean refused = false;
        if (!mode.equals("replica") && enabled.stream().anyMatch(t -> t.enabled().equals("O"))
                && enabled.stream().noneMatch(t -> t.enabled().equals("R"))) {
            Savepoint attempt = connection.setSavepoint();
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL session_replication_role = replica");
                connection.releaseSavepoint(attempt);
                mode = "replica";
            } catch (SQLException e) {
                if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(attempt);
                refused = true;
            }
        }
        String fires = mode.equals("replica") ? "R" : "O";
        return new EchoEventTriggers(enabled.stream()
                .filter(t -> t.enabled().equals("A") || t.enabled().equals(fires)).toList(), refused);
    }

    /**
     * The failure to report when {@code failure}, of the echo of {@code label}, comes from a firing trigger (its
     * function is named in the error's context); null when it does not.
     */
    SQLException blame(SQLException failure, String label) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        for (Trigger trigger : firing) {
            if (trigger.function().matcher(message).find()) {
                String way = switch (trigger.enabled()) {
                    case "A" -> ", or enable it in the default mode (ALTER EVENT TRIGGER " + trigger.name()
                            + " ENABLE) instead of ENABLE ALWAYS, which fires even under session_replication_role"
                            + " = replica, the mode Matey sets for these objects";
                    case "O" -> refused ? ", or run Matey as a role that may set session_replication_role (a"
                            + " superuser, or on PostgreSQL 15+ one granted SET ON PARAMETER session_replication_role),"
                            + " under which Matey keeps event triggers in the default mode off these objects" : "";
                    default -> "";
                };
                return new SQLException("Event trigger " + trigger.name() + " fails on the temporary object that the"
                        + " schema dump creates in schema pg_temp, and rolls back, to have PostgreSQL print its text"
                        + " of " + label + " again: " + message.strip().replaceAll("\\s*\n\\s*", "; ")
                        + ". Let the trigger ignore objects in schema pg_temp (pg_event_trigger_ddl_commands()"
                        + " names it pg_temp)" + way, failure);
            }
        }
        return null;
    }
}
