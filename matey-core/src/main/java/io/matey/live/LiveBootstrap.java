package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.LockWait;
import io.matey.engine.RunningStatements;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code db bootstrap}: load {@code schema.sql} into an empty database instead of replaying every migration.
 * Its migrations block records every version, so the result is a database at head, verified like {@code db up}.
 */
final class LiveBootstrap {

    private static final String CONTEXT = "db bootstrap";

    private LiveBootstrap() {
    }

    static LiveChange run(LiveTarget target, LockWait locks) {
        target.requireClean(CONTEXT).requireRunnable(CONTEXT).requireMigrations(CONTEXT);
        LiveConnector.Opened opened = LiveConnector.open(target, CONTEXT, true);
        ServerProfileCheck.beforeLoad(target, opened, CONTEXT);
        Engine engine = target.engine();
        SQLException loadFailure;
        String cancelled = "";
        List<String> notices = new ArrayList<>();
        Connection connection = opened.connection();
        try (connection; Engine.MigrationLock lock = locks.acquire(engine, connection)) {
            requireEmpty(target, connection);
            loadFailure = load(target, connection, notices);
            if (loadFailure == null) {
                return verify(target, connection, opened.created(), notices);
            }
            if (engine.unanswered(loadFailure)) {
                // before the database is dropped: the statement would otherwise run on in it (docs/architecture.md §3)
                cancelled = RunningStatements.cancelUnanswered(engine, connection, loadFailure, "`matey db bootstrap`");
            }
        } catch (SQLException e) {
            throw target.failure(CONTEXT, connection, e);
        }
        // the connection and the lock are released first: a server does not drop a database in use
        throw new MateyException(Reason.MIGRATION_FAILED, target.opening(CONTEXT, "load of schema.sql") + " failed: "
                + engine.failureSentence(connection, loadFailure) + cancelled + " " + leftBehind(target, opened.created()),
                loadFailure);
    }

    private static LiveChange verify(LiveTarget target, Connection connection, boolean created, List<String> notices)
            throws SQLException {
        LivePrefix after = target.prefix(target.appliedVersions(connection));
        if (after.relation() != LivePrefix.Relation.EQUAL) {
            throw new MateyException(Reason.POSTCHECK_FAILED, target.opening(CONTEXT, "post-status") + " failed: live migration count does not match worktree "
                    + "head (" + after.applied() + " version(s) recorded, head is " + target.head() + ").");
        }
        Postcheck.verify(target, connection, after.index(), CONTEXT,
                "loaded the head schema and recorded its " + after.index() + " version(s)");
        return new LiveChange(target.name(), target.endpoint(), "bootstrap", created, 0, after.index(), List.of(),
                List.copyOf(notices));
    }

    private static void requireEmpty(LiveTarget target, Connection connection) throws SQLException {
        int applied = target.engine().migrationTable().appliedVersions(connection).size();
        if (applied > 0) {
            throw new MateyException(target.opening(CONTEXT) + " requires an empty or unapplied database: " + target.endpoint() + " has "
                    + applied + " applied migration(s). Use `" + target.command("db up") + "` to bring it to head.");
        }
        if (UnrecordedSchema.holdsObjects(target.engine(), connection)) {
            if (UnrecordedSchema.onlyPrivileges(target.engine(), connection)) {
                throw new MateyException(target.opening(CONTEXT) + " requires an empty database: "
                        + UnrecordedSchema.privilegesOnly(target));
            }
            throw new MateyException(target.opening(CONTEXT) + " requires an empty database: " + target.endpoint() + " already has schema "
                    + "objects (see `" + target.command("db plan") + " --diff`).");
        }
    }

    /**
     * In one transaction where DDL is transactional, so that a failed load leaves the database empty. The roles the
     * migrations create that {@code schema.sql} may name and the server lacks are created first, in the same
     * transaction, as the migrations it stands for would have (docs/architecture.md §7): the dump holds no roles.
     *
     * @param notices receives a line per role created
     * @return the failure of the load, or null when it succeeded
     */
    private static SQLException load(LiveTarget target, Connection connection, List<String> notices) {
        Engine engine = target.engine();
        Map<String, String> roles = target.state().lock().map(lock -> lock.rolesThrough(target.head()))
                .orElse(Map.of());
        List<String> created = new ArrayList<>();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(!engine.transactionalDdl());
            try {
                for (String role : roles.keySet()) {
                    if (engine.serverRoles().createIfMissing(connection, role)) {
                        created.add(role);
                    }
                }
                engine.loadAtomically(connection, target.expectedAt(target.head()));
            } catch (SQLException | RuntimeException e) {
                if (engine.transactionalDdl()) {
                    connection.rollback();
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            return e;
        }
        for (String role : created) {
            notices.add("created role " + role + " that " + roles.get(role) + " creates; schema.sql holds no "
                    + "roles — its attributes and password are the migration's to set");
        }
        return null;
    }

    /**
     * What a failed load left: a database this command created is dropped, half-loaded or not, so that nothing of
     * the failed command remains and the next attempt starts as this one did.
     */
    private static String leftBehind(LiveTarget target, boolean created) {
        if (created) {
            return target.dropCreated();
        }
        return target.engine().transactionalDdl() ? "Nothing was loaded."
                : "Statements before it stay applied; empty the database before trying again.";
    }
}
