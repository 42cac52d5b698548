package io.matey.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The roles (users) of a test server, which a replayed migration may create: they outlive the scratch database, so
 * the replay drops those it created (docs/architecture.md §6).
 */
public interface ServerRoles {

    /** For engines without server-level roles. */
    ServerRoles NONE = new ServerRoles() {
        @Override
        public Set<ServerRole> list(MateyUrl base) {
            return Set.of();
        }

        @Override
        public void drop(MateyUrl base, ServerRole role, List<MateyUrl> kept) {
            throw new UnsupportedOperationException("no server roles");
        }
    };

    /** Every role on the server of {@code base}. */
    Set<ServerRole> list(MateyUrl base) throws SQLException;

    /**
     * Drops a role, first giving what it owns in the databases still there ({@code kept}, the scratch databases kept
     * for debugging) to the connected user and revoking its privileges, which would keep the drop from succeeding.
     */
    void drop(MateyUrl base, ServerRole role, List<MateyUrl> kept) throws SQLException;

    /**
     * What the server grants {@code role}, as statements that would grant it again; empty where grants do not outlive
     * the scratch database and the roles a replay drops (docs/architecture.md §6).
     */
    default List<String> grants(MateyUrl base, ServerRole role) throws SQLException {
        return List.of();
    }

    /** Gives {@code role} back the grants {@code before} in place of {@code now} (both as {@link #grants} lists them). */
    default void restoreGrants(MateyUrl base, ServerRole role, List<String> before, List<String> now)
            throws SQLException {
        throw new UnsupportedOperationException("no grants");
    }
}
