package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.LockWait;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * {@code db bootstrap}: load {@code schema.sql} into an empty database instead of replaying every migration.
 * Its migrations block records every version, so the result is a database at head, verified like {@code db up}.
 */
final class LiveBootstrap {

    private static final String CONTEXT = "db bootstrap";

    private LiveBootstrap() {
    }

    static LiveChange run(LiveTarget target, Duration lockTimeout) {
        target.requireClean(CONTEXT).requireRunnable(CONTEXT).requireMigrations(CONTEXT);
        LiveConnector.Opened opened = LiveConnector.open(target, CONTEXT, true);
        Engine engine = target.engine();
        try (Connection connection = opened.connection();
                Engine.MigrationLock lock = LockWait.acquire(engine, connection, lockTimeout)) {
            requireEmpty(target, connection);
            load(target, connection);
            LivePrefix after = LivePrefix.check(target.migrations(), target.appliedVersions(connection));
            if (after.relation() != LivePrefix.Relation.EQUAL) {
                throw new MateyException(Reason.POSTCHECK_FAILED, CONTEXT + " post-status failed: live migration count does not match worktree "
                        + "head (" + after.applied() + " version(s) recorded, head is " + target.head() + ").");
            }
            Postcheck.verify(target, connection, after.index(), CONTEXT,
                    "loaded the head schema and recorded its " + after.index() + " version(s)");
            return new LiveChange(target.name(), target.endpoint(), "bootstrap", opened.created(), 0, after.index(), List.of());
        } catch (SQLException e) {
            throw target.failure(CONTEXT, e);
        }
    }

    private static void requireEmpty(LiveTarget target, Connection connection) throws SQLException {
        int applied = target.engine().migrationTable().appliedVersions(connection).size();
        if (applied > 0) {
            throw new MateyException(CONTEXT + " requires an empty or unapplied database: " + target.endpoint() + " has "
                    + applied + " applied migration(s). Use `matey db up` to bring it to head.");
        }
        if (UnrecordedSchema.holdsObjects(target.engine(), connection)) {
            throw new MateyException(CONTEXT + " requires an empty database: " + target.endpoint() + " already has schema "
                    + "objects (see `matey db plan --diff`).");
        }
    }

    /** In one transaction where DDL is transactional, so that a failed load leaves the database empty. */
    private static void load(LiveTarget target, Connection connection) throws SQLException {
        try {
            target.engine().loadAtomically(connection, target.expectedAt(target.head()));
        } catch (SQLException e) {
            throw new MateyException(Reason.MIGRATION_FAILED, CONTEXT + " load of schema.sql failed: " + MateyUrl.mask(e.getMessage())
                    + (target.engine().transactionalDdl() ? ". Nothing was loaded."
                            : ". Statements before it stay applied; empty the database before trying again."), e);
        }
    }
}
