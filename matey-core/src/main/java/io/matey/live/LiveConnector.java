package io.matey.live;

import io.matey.engine.LoginRefusal;
import io.matey.engine.MissingJdbcDriver;
import io.matey.engine.RunningStatements;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Opens the live database, telling a missing database apart from one that cannot be reached. The first attempt
 * is the connection itself: where the engine's server names a missing database at connect time, an existing
 * database costs one connection and no maintenance-database round trip (docs/architecture.md §7).
 */
final class LiveConnector {

    private LiveConnector() {
    }

    /** A connection, and whether this call created the database. */
    record Opened(Connection connection, boolean created) {
    }

    /**
     * Connects, first creating the database when it is missing and {@code create} allows (a concurrent creator
     * is fine); {@code db migrate} and the read-only commands never create one.
     */
    static Opened open(LiveTarget target, String command, boolean create) {
        Optional<Connection> existing = connectIfExists(target, command);
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        if (!create) {
            throw missing(target, command);
        }
        boolean created = create(target, command);
        return new Opened(connectIfExists(target, command).orElseThrow(() -> new MateyException(Reason.DATABASE_UNAVAILABLE,
                target.opening(command) + " failed: live database " + target.endpoint()
                        + " is missing right after it was created.")), created);
    }

    /**
     * In the caller's terms (docs/architecture.md §8): its work, the command that creates the database, and the
     * migration that does not.
     */
    private static MateyException missing(LiveTarget target, String command) {
        CallerTerms terms = target.terms();
        String where = terms.whereCommandsRun();
        return new MateyException(Reason.DATABASE_UNAVAILABLE, target.opening(command) + " failed: live database "
                + target.endpoint() + " does not exist. `" + terms.createCommand(target.name(), target.endpoint()) + "` (or `db bootstrap`) "
                + "creates it; " + terms.migrate() + " never does." + (where.isEmpty() ? "" : " " + where));
    }

    /** Connects to a database that must exist. */
    static Connection connect(LiveTarget target, String command) {
        return open(target, command, false).connection();
    }

    /** True when this call created the database; false when another process created it first. */
    private static boolean create(LiveTarget target, String command) {
        try {
            // the replay's defaults, which ServerProfileCheck then finds (docs/architecture.md §7)
            return target.endpoint().create(ServerProfileCheck.recorded(target));
        } catch (SQLException e) {
            // Several deploys may race to create it; an engine may tell the losers with an error.
            if (exists(target, command)) {
                return false;
            }
            throw new MateyException(Reason.DATABASE_UNAVAILABLE, target.opening(command) + " failed: cannot create live database " + target.endpoint() + ": "
                    + cause(e, target), e);
        }
    }

    /** A connection, or empty when the database does not exist; an unreachable server or refused login fails. */
    static Optional<Connection> connectIfExists(LiveTarget target, String command) {
        try {
            return target.endpoint().connectIfExists()
                    .map(connection -> RunningStatements.cancellable(target.engine(), connection));
        } catch (SQLException e) {
            throw unavailable(target, command, e);
        }
    }

    private static boolean exists(LiveTarget target, String command) {
        try {
            return target.endpoint().exists();
        } catch (SQLException e) {
            throw unavailable(target, command, e);
        }
    }

    private static MateyException unavailable(LiveTarget target, String command, SQLException e) {
        if (e instanceof MissingJdbcDriver) {
            // the application's dependencies, not the server: a configuration error
            return new MateyException(Reason.INVALID, target.opening(command) + " failed: " + e.getMessage(), e);
        }
        String problem = LoginRefusal.is(e) ? "the server at " + target.endpoint() + " refused the login: "
                : "cannot reach the server of " + target.endpoint() + ": ";
        return new MateyException(Reason.DATABASE_UNAVAILABLE, target.opening(command) + " failed: " + problem + cause(e, target), e);
    }

    /**
     * The database's message without the driver's wrapping (Engine.failureMessage), masked; without the database's
     * URL, which connectors append and ours names already.
     */
    private static String cause(SQLException e, LiveTarget target) {
        return target.endpoint().engine().maskedFailure(e).replace(" (" + target.endpoint() + ")", "");
    }
}
