package io.matey.live;

import io.matey.artifact.ArtifactNames;
import io.matey.artifact.SchemaLock;
import io.matey.engine.ServerProfile;
import io.matey.error.MateyException;
import io.matey.workspace.TargetPaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Refuses a live database whose server cannot reproduce the committed artifacts, before anything runs on it, by the
 * replay server the lock records ({@link SchemaLock#replayServer}, docs/architecture.md §7): another server family
 * dumps differently whatever runs, and migrations that create tables or columns without naming a character set or
 * collation take the database's defaults, which must be the replay's scratch database's. A version difference alone
 * is no refusal: the dumps are version-stable, and a version's default collation is the database's collation.
 * A lock without the keys (an earlier Matey's) is not checked.
 */
final class ServerProfileCheck {

    private ServerProfileCheck() {
    }

    /**
     * Before {@code db up} or {@code db migrate} runs anything: the family, and the defaults where a migration is to
     * run (a database at the head, or ahead, runs none). A database this command created is dropped on refusal.
     */
    static void beforeMigrations(LiveTarget target, LiveConnector.Opened opened, String context) {
        require(target, opened, context, true);
    }

    /**
     * Before {@code db bootstrap} loads {@code schema.sql}: the family only, as the dump states every table's
     * character set and loads as it means in a database of other defaults (docs/architecture.md §5).
     */
    static void beforeLoad(LiveTarget target, LiveConnector.Opened opened, String context) {
        require(target, opened, context, false);
    }

    /** Before a comparison ({@code db plan}, {@code db drift}, the start-up check): the family only. */
    static void beforeComparing(LiveTarget target, Connection connection, String context) throws SQLException {
        Optional<ServerProfile> recorded = recorded(target);
        if (recorded.isPresent()) {
            Optional<String> refusal = refusal(target, connection, recorded.get(), context, false, false);
            if (refusal.isPresent()) {
                throw new MateyException(refusal.get());
            }
        }
    }

    private static void require(LiveTarget target, LiveConnector.Opened opened, String context, boolean migrations) {
        Optional<ServerProfile> recorded = recorded(target);
        if (recorded.isEmpty()) {
            return;
        }
        Connection connection = opened.connection();
        Optional<String> refusal;
        try {
            boolean runs = migrations && (opened.created()
                    || target.prefix(target.appliedVersions(connection)).index() < target.head());
            refusal = refusal(target, connection, recorded.get(), context, runs, opened.created());
        } catch (SQLException e) {
            MateyException failure = target.failure(context, connection, e);
            close(connection);
            throw failure;
        }
        if (refusal.isPresent()) {
            close(connection);
            throw new MateyException(refusal.get() + (opened.created() ? " " + target.dropCreated() : ""));
        }
    }

    /** The replay server the lock records; empty without the keys (or without a lock). */
    static Optional<ServerProfile> recorded(LiveTarget target) {
        return target.state().lock().map(SchemaLock::replayServer);
    }

    /**
     * @param defaults whether the database's default character set and collation must be the recorded ones
     * @param created  whether this command created the database, which advice then creates again
     */
    private static Optional<String> refusal(LiveTarget target, Connection connection, ServerProfile recorded,
            String context, boolean defaults, boolean created) throws SQLException {
        Optional<ServerProfile> found = target.engine().serverProfile(connection);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ServerProfile live = found.get();
        String recordedServer = target.engine().serverName(recorded);
        String liveServer = target.engine().serverName(live);
        String opening = target.opening(context) + " refused before running anything on " + target.endpoint() + ": "
                + ArtifactNames.LOCK_FILE + " of target '" + target.name() + "' records that its artifacts were "
                + "replayed on " + recordedServer;
        String replay = "`matey schema apply --clean" + TargetPaths.option(target.name()) + "` with "
                + target.config().testUrlEnv() + " (test_url) on ";
        if (!recorded.family().equals(live.family())) {
            return Optional.of(opening + ", but this database is on " + liveServer + ", whose dumps differ "
                    + "(README, \"MySQL and MariaDB\"), so its check against the artifacts could never pass. "
                    + "Artifacts are per server family: run " + replay + "a " + liveServer + " server to replay "
                    + "them for it, or use a " + recordedServer + " server.");
        }
        if (!defaults || recorded.sameDefaults(live)) {
            return Optional.empty();
        }
        // the JDBC catalog is the MySQL database the connection uses, a DataSource's too
        String database = target.engine().quote(connection.getCatalog());
        return Optional.of(opening + " in a database of default character set " + recorded.charset()
                + " and collation " + recorded.collation() + ", but this database's are " + live.charset() + " and "
                + live.collation() + (live.version().equals(recorded.version()) ? "" : " (" + liveServer + ")")
                + ": a table or column a migration creates without naming its character set or collation takes the "
                + "database's, so the check after the migrations would fail with the database migrated. "
                + (created ? "Create the database with the replay's defaults: `CREATE DATABASE " + database
                        : "Give the database the replay's defaults (tables already created keep theirs): `ALTER DATABASE "
                                + database)
                + " CHARACTER SET " + recorded.charset() + " COLLATE " + recorded.collation() + ";`, or run "
                + replay + "a server whose new databases get " + live.charset() + " and " + live.collation() + ".");
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the refusal is what the caller needs; a failed close changes nothing in it
        }
    }
}
