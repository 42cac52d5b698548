package io.matey.shell;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Waits until a running matey process reaches a point that a query on its server sees (a lock wait, a statement). */
final class ServerPolling {

    private ServerPolling() {
    }

    /**
     * Polls {@code sql} (one {@code ?}, bound to {@code parameter}) until it finds a row, for a minute at most and
     * while {@code process} lives; {@code failure} says what did not happen.
     */
    static void awaitRow(Engine engine, MateyUrl base, String sql, String parameter, Process process, String failure)
            throws Exception {
        for (int i = 0; i < 600 && process.isAlive(); i++) {
            try (Connection c = engine.connect(base); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(failure + " within a minute"
                + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
    }
}
