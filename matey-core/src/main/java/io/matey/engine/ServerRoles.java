package io.matey.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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
     * The grants of the server's accounts where they outlive what they are on and the roles a replay drops
     * (MySQL/MariaDB), so that a replay gives the accounts it did not create back what they had (docs/architecture.md
     * §6); empty where they go with the scratch database or the role.
     */
    default Optional<Grants> grants() {
        return Optional.empty();
    }

    /** What a server grants its accounts. */
    interface Grants {

        /** What the server grants {@code role}, as statements that would grant it again. */
        List<String> of(MateyUrl base, ServerRole role) throws SQLException;

        /** Gives {@code role} back the grants {@code before} in place of {@code now} (both as {@link #of} lists them). */
        void restore(MateyUrl base, ServerRole role, List<String> before, List<String> now) throws SQLException;
    }
}
