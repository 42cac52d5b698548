package io.matey.live;

import io.matey.MateyException;
import io.matey.engine.Engine;
import io.matey.engine.MigrationRunner;
import io.matey.engine.MigrationTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code db up} and {@code db migrate}: apply the pending worktree migrations one by one, then verify the live
 * schema against {@code schema.sql}. The migration lock is held from reading the applied versions to the
 * verification, so concurrent runs apply each migration exactly once: whoever waits re-reads after the lock.
 */
final class LiveUp {

    private LiveUp() {
    }

    /** @param create {@code up} creates a missing database, {@code migrate} refuses it */
    static LiveChange run(LiveTarget target, String command, boolean create, Consumer<String> progress,
            Duration lockTimeout) {
        String context = "db " + command;
        target.requireClean(context).requireMigrations(context);
        boolean created = create && LiveConnector.createIfMissing(target, context);
        Engine engine = target.engine();
        MigrationTable table = engine.migrationTable();
        try (Connection connection = LiveConnector.connect(target, context);
                Engine.MigrationLock lock = engine.lockMigrations(connection, lockTimeout)) {
            table.ensure(connection);
            LivePrefix before = LivePrefix.check(target.migrations(), table.appliedVersions(connection));
            before.requireConsistent(context);
            List<MigrationTiming> timings = new SectionSequence(context, progress).run(
                    target.migrations().subList(before.index(), target.head()),
                    new MigrationRunner(engine, connection)::up, before.index(), 1);
            LivePrefix after = LivePrefix.check(target.migrations(), table.appliedVersions(connection));
            if (after.relation() != LivePrefix.Relation.EQUAL) {
                throw new MateyException(context + " post-status failed: " + after.applied()
                        + " version(s) applied, but the worktree head is " + target.head() + ".");
            }
            Postcheck.verify(target, connection, after.index(), context);
            return new LiveChange(target.name(), target.endpoint(), command, created, before.index(), after.index(), timings);
        } catch (SQLException e) {
            throw target.failure(context, e);
        }
    }
}
