package io.matey.live;

import io.matey.schema.SchemaDump;
import io.matey.workspace.TargetConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live-database commands ({@code db status|up|migrate|down|bootstrap|drift|plan}) for one target. The live
 * URL is {@code url} when given, else the target's {@code url_env} variable. Every command but {@code status}
 * compares the database with the committed artifacts, so it refuses a target whose artifacts are not clean.
 */
public final class LiveDatabase {

    private final Map<String, String> env;
    private final Consumer<String> progress;

    /**
     * @param env      the environment the live URL is resolved from
     * @param progress receives one line per migration a command runs
     */
    public LiveDatabase(Map<String, String> env, Consumer<String> progress) {
        this.env = env;
        this.progress = progress;
    }

    /** Applied and pending migrations; reads a database without {@code schema_migrations} as 0 applied. */
    public LiveStatus status(TargetConfig target, String url) {
        LiveTarget live = read(target, url);
        try (Connection connection = LiveConnector.connect(live, "db status")) {
            return LiveStatus.of(live.name(), live.url(), live.migrations(),
                    live.engine().migrationTable().appliedVersions(connection));
        } catch (SQLException e) {
            throw live.failure("db status", e);
        }
    }

    /** Creates the database if it is missing, applies the pending migrations and verifies the result. */
    public LiveChange up(TargetConfig target, String url) {
        return LiveUp.run(read(target, url), "up", true, progress);
    }

    /** Like {@link #up}, but refuses a database that does not exist. */
    public LiveChange migrate(TargetConfig target, String url) {
        return LiveUp.run(read(target, url), "migrate", false, progress);
    }

    /** Rolls back the latest {@code steps} migrations and verifies the state at the resulting index. */
    public LiveChange down(TargetConfig target, String url, int steps) {
        LiveDown.requirePositive(steps);
        return LiveDown.run(read(target, url), steps, progress);
    }

    /** Loads {@code schema.sql} into an empty database (created if missing) and verifies it. */
    public LiveChange bootstrap(TargetConfig target, String url) {
        return LiveBootstrap.run(read(target, url));
    }

    /** Compares the live schema with the committed state at the live applied index. */
    public LiveDrift drift(TargetConfig target, String url) {
        Reading reading = inspect(target, url, "db drift");
        LivePrefix prefix = reading.prefix();
        String expected = reading.target().expectedAt(prefix.index());
        boolean drifted = !prefix.consistent() || !SchemaDump.sameSchema(reading.liveSql(), expected);
        return new LiveDrift(reading.target().name(), reading.target().url(), prefix, drifted, reading.liveSql(),
                expected);
    }

    /** Compares the live schema with the worktree head. */
    public LivePlan plan(TargetConfig target, String url) {
        Reading reading = inspect(target, url, "db plan");
        LiveTarget live = reading.target();
        String expected = live.expectedAt(live.head());
        boolean match = reading.prefix().relation() == LivePrefix.Relation.EQUAL
                && SchemaDump.sameSchema(reading.liveSql(), expected);
        return new LivePlan(live.name(), live.url(), reading.prefix(), live.head(), match, reading.liveSql(), expected);
    }

    private LiveTarget read(TargetConfig target, String url) {
        return LiveTarget.read(target, url, env);
    }

    /** The applied versions and the live dump, read without the migration lock: reports never block a deploy. */
    private record Reading(LiveTarget target, LivePrefix prefix, String liveSql) {
    }

    private Reading inspect(TargetConfig target, String url, String context) {
        LiveTarget live = read(target, url).requireClean(context);
        try (Connection connection = LiveConnector.connect(live, context)) {
            List<String> applied = live.engine().migrationTable().appliedVersions(connection);
            return new Reading(live, LivePrefix.check(live.migrations(), applied),
                    SchemaDump.dump(live.engine(), connection));
        } catch (SQLException e) {
            throw live.failure(context, e);
        }
    }
}
