package io.matey.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The advice for a database whose rows a change is failing to convert (ClickHouse's stuck mutations,
 * {@code Engine.failingMutations}): its schema may equal a later committed state while the rows were never
 * converted, so neither {@code db up} nor {@code db adopt} records that state (docs/architecture.md §7).
 */
final class FailingMutations {

    private FailingMutations() {
    }

    /** The failing mutations, each with how to cancel it, and what to do; empty where none fails. */
    static Optional<String> advice(LiveTarget target, Connection connection) throws SQLException {
        List<String> failing = target.engine().failingMutations(connection);
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("A change of the rows is failing on the server: " + String.join("; ", failing) + ". The "
                + "schema changed before the rows did, so it may look like a pending migration ran while its rows were "
                + "never converted: do not record that migration (no `db adopt`); kill the mutation, set the table back "
                + "to its committed definition, fix the rows it could not convert (or the migration), and run again. `"
                + target.command("db drift") + "` shows the changes");
    }
}
