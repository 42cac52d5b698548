package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.LockNotices;
import io.matey.engine.LockWait;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationProgress;
import io.matey.error.MateyException;
import io.matey.replay.LoadCheck;
import io.matey.replay.ScratchDatabase;
import io.matey.schema.DraftDialect;
import io.matey.schema.SchemaDump;
import io.matey.workspace.EnvNames;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The live-database commands ({@code db status|up|migrate|down|bootstrap|drift|plan}) for one target. Each takes
 * the live database as a URL (when null, the target's {@code url_env} variable) or as a {@link LiveEndpoint}, such
 * as an application's DataSource. Every command but {@code status} compares the database with the committed
 * artifacts, so it refuses a target whose artifacts are not clean.
 */
public final class LiveDatabase {

    private final Map<String, String> env;
    private final Consumer<String> progress;
    private final LockWait locks;
    private final CallerTerms terms;
    private final Path cwd;

    /**
     * Waits for a lock untold, at most {@link Engine#DEFAULT_LOCK_TIMEOUT} for the migration lock.
     *
     * @param env      the environment the live URL is resolved from
     * @param progress receives one line per migration a command runs
     */
    public LiveDatabase(Map<String, String> env, Consumer<String> progress) {
        this(env, progress, new LockWait(Engine.DEFAULT_LOCK_TIMEOUT, LockNotices.NONE), CallerTerms.CLI,
                Path.of(System.getProperty("user.dir")));
    }

    /**
     * @param locks how changing commands wait for a migration lock another process holds, and where every command
     *              tells a wait for that lock or the target lock
     * @param terms how messages name what the caller controls: the lock's bound, the command creating a database
     * @param cwd   where matey runs: the git commands its advice gives name files relative to it
     */
    public LiveDatabase(Map<String, String> env, Consumer<String> progress, LockWait locks, CallerTerms terms, Path cwd) {
        this.env = env;
        this.progress = progress;
        this.locks = locks;
        this.terms = terms;
        this.cwd = cwd;
    }

    /** The target's artifacts and where its database is reached, for one command of this caller. */
    private LiveTarget target(TargetConfig target, LiveEndpoint endpoint) {
        return LiveTarget.read(target, endpoint, cwd, locks.notices(), terms);
    }

    public LiveStatus status(TargetConfig target, String url) {
        return atUrl(target, url, endpoint -> status(target, endpoint));
    }

    /**
     * Applied and pending migrations; reads a database without {@code schema_migrations} as 0 applied, and one
     * that does not exist yet as every migration pending (dbmate's status fails there; a user asks what
     * {@code db up}, which creates it, would apply).
     */
    public LiveStatus status(TargetConfig target, LiveEndpoint endpoint) {
        LiveTarget live = target(target, endpoint);
        Optional<Connection> existing = LiveConnector.connectIfExists(live, "db status");
        if (existing.isEmpty()) {
            return LiveStatus.ofMissingDatabase(live.name(), live.git(), live.endpoint(), live.migrations(),
                    StaleArtifacts.problem(live, List.of()).orElse(null));
        }
        try (Connection connection = existing.get()) {
            List<String> applied = live.appliedVersions(connection);
            String stale = StaleArtifacts.problem(live, applied).orElse(null);
            Optional<MigrationProgress.Marker> marker = live.engine().progressTable().read(connection);
            if (marker.isEmpty()) {
                return LiveStatus.of(live.name(), live.endpoint(), live.migrations(), applied,
                        live.prefix(applied, connection), null, null, stale);
            }
            LivePrefix prefix = live.prefix(applied);
            // A marker no section continues is reported like an interruption, not refused: status only reads.
            if (StaleMarker.misplaced(live, marker.get(), prefix)) {
                return LiveStatus.of(live.name(), live.endpoint(), live.migrations(), applied, prefix, null,
                        StaleMarker.read(live, marker.get(), prefix, applied, connection), stale);
            }
            return LiveStatus.of(live.name(), live.endpoint(), live.migrations(), applied, prefix,
                    Interruption.of(live, marker.get(), prefix, applied, connection, "db status"), null, stale);
        } catch (SQLException e) {
            throw live.failure("db status", existing.get(), e);
        }
    }

    public LiveChange up(TargetConfig target, String url) {
        return atUrl(target, url, endpoint -> up(target, endpoint));
    }

    /**
     * Creates the database if it is missing, applies the pending migrations and verifies the result. A DataSource
     * cannot create its database, so through one this is {@link #migrate}.
     */
    public LiveChange up(TargetConfig target, LiveEndpoint endpoint) {
        return LiveUp.run(target(target, endpoint), "up", true, progress, null, locks);
    }

    /**
     * {@code db up --resume}: first continues a section that was interrupted on this database, after the last
     * statement the live schema proves to be in effect (found on the target's test server), then applies the rest.
     */
    public LiveChange upResuming(TargetConfig target, String url) {
        return atUrl(target, url, endpoint -> {
            LiveTarget live = target(target, endpoint);
            return LiveUp.run(live, "up", true, progress, () -> scratchBase(target, live, "db up"), locks);
        });
    }

    private ResumePoint.Scratch scratchBase(TargetConfig target, LiveTarget live, String command) {
        String testUrl = EnvNames.testUrl(target, null, env);
        if (testUrl != null) {
            return new ResumePoint.Scratch(target, MateyUrl.parse(testUrl), locks.timeout());
        }
        return live.engine().defaultScratchBase().map(base -> new ResumePoint.Scratch(target, base, locks.timeout()))
                .orElseThrow(() -> new MateyException(live.opening(command, "--resume") + " rebuilds the partial state in "
                        + "a scratch database: set " + target.testUrlEnv() + " to a server where Matey may create and "
                        + "drop databases."));
    }

    public LiveChange migrate(TargetConfig target, String url) {
        return atUrl(target, url, endpoint -> migrate(target, endpoint));
    }

    /** Like {@link #up}, but refuses a database that does not exist. */
    public LiveChange migrate(TargetConfig target, LiveEndpoint endpoint) {
        return LiveUp.run(target(target, endpoint), "migrate", false, progress, null, locks);
    }

    public LiveChange down(TargetConfig target, String url, int steps) {
        LiveDown.requirePositive(steps); // a bad flag is a usage error, reported before a missing URL
        return atUrl(target, url, endpoint -> down(target, endpoint, steps));
    }

    /** Rolls back the latest {@code steps} migrations and verifies the state at the resulting index. */
    public LiveChange down(TargetConfig target, LiveEndpoint endpoint, int steps) {
        LiveDown.requirePositive(steps);
        return LiveDown.run(target(target, endpoint), steps, progress, null, locks);
    }

    /**
     * {@code db down --resume}: first finishes a rollback that was interrupted on this database, after the last
     * statement of its down section the live schema proves to be in effect; that rollback counts as the first of
     * {@code steps}.
     */
    public LiveChange downResuming(TargetConfig target, String url, int steps) {
        LiveDown.requirePositive(steps);
        return atUrl(target, url, endpoint -> {
            LiveTarget live = target(target, endpoint);
            return LiveDown.run(live, steps, progress, () -> scratchBase(target, live, "db down"), locks);
        });
    }

    public LiveChange bootstrap(TargetConfig target, String url) {
        return atUrl(target, url, endpoint -> bootstrap(target, endpoint));
    }

    /** Loads {@code schema.sql} into an empty database (created if missing and possible) and verifies it. */
    public LiveChange bootstrap(TargetConfig target, LiveEndpoint endpoint) {
        return LiveBootstrap.run(target(target, endpoint), locks);
    }

    public LiveAdoption adopt(TargetConfig target, String url, boolean apply) {
        return atUrl(target, url, endpoint -> adopt(target, endpoint, apply));
    }

    /**
     * Finds the applied index whose committed state the live schema equals and, with {@code apply}, records
     * versions 1..K under the migration lock; refuses (naming the closest index and its diff) when none matches.
     */
    public LiveAdoption adopt(TargetConfig target, LiveEndpoint endpoint, boolean apply) {
        return LiveAdopt.run(target(target, endpoint), apply, locks);
    }

    public LiveDrift drift(TargetConfig target, String url) {
        return drift(target, url, "db drift");
    }

    /** {@link #drift(TargetConfig, LiveEndpoint)} for {@code command} ({@code db new --from-drift}), which refusals name. */
    public LiveDrift drift(TargetConfig target, String url, String command) {
        return atUrl(target, url, endpoint -> drift(target, endpoint, command));
    }

    /**
     * Compares the live schema with the committed state at the live applied index. A database that does not exist
     * yet has nothing to compare: like one behind the worktree it has not drifted ({@code db status} lists what
     * {@code db up} would apply), so a check of a fresh environment passes.
     */
    public LiveDrift drift(TargetConfig target, LiveEndpoint endpoint) {
        return drift(target, endpoint, "db drift");
    }

    private LiveDrift drift(TargetConfig target, LiveEndpoint endpoint, String command) {
        LiveTarget live = target(target, endpoint);
        live.requireClean(command);
        Optional<Connection> existing = LiveConnector.connectIfExists(live, command);
        if (existing.isEmpty()) {
            return LiveDrift.ofMissingDatabase(live.name(), live.endpoint(),
                    live.prefix(List.of()));
        }
        return drift(read(live, existing.get(), command));
    }

    /** Artifact coherence, then status and drift from one reading of the artifacts and one connection. */
    public LiveCheck check(TargetConfig target, LiveEndpoint endpoint) {
        LiveTarget live = target(target, endpoint);
        if (!live.state().isClean()) {
            return new LiveCheck(live.name(), live.state().diagnostics(), null, null);
        }
        Reading reading = inspect(live, "db drift");
        return new LiveCheck(live.name(), List.of(), LiveStatus.of(live.name(), live.endpoint(), live.migrations(),
                reading.applied(), reading.prefix(), null, null, null), drift(reading));
    }

    private LiveDrift drift(Reading reading) {
        LivePrefix prefix = reading.prefix();
        String expected = reading.expected();
        boolean schemaDrifted = !SchemaDump.sameSchema(reading.liveSql(), expected);
        boolean drifted = !prefix.consistent() || reading.interrupted() != null || schemaDrifted;
        List<String> unloadable = reading.unloadable();
        if (schemaDrifted && reading.interrupted() == null) {
            unloadable = new ArrayList<>(unloadable);
            loadFailure(reading).ifPresent(unloadable::add);
        }
        return new LiveDrift(reading.target().name(), reading.target().endpoint(), prefix, drifted,
                reading.liveSql(), expected, reading.draft(), reading.interrupted(), unloadable,
                reading.target().expectedSource(prefix.index()));
    }

    /**
     * Why the drifted live schema would not load into an empty database, where the engine's dump is no fixed point
     * by construction and the target has a test server to load it in (docs/architecture.md §7); the committed state
     * loads ({@code schema apply} proves it), so an undrifted schema is not loaded.
     */
    private Optional<String> loadFailure(Reading reading) {
        LiveTarget live = reading.target();
        String testUrl = EnvNames.testUrl(live.config(), null, env);
        if (!live.engine().checksDumpLoads() || testUrl == null) {
            return Optional.empty();
        }
        return LoadCheck.loadFailure(live.engine(), () -> ScratchDatabase.lease(live.engine(), MateyUrl.parse(testUrl),
                live.config(), "drift", false, null, "", Map.of(), locks.timeout()), reading.liveSql())
                .map(failure -> "the live schema would not load into an empty database: " + failure);
    }

    public LivePlan plan(TargetConfig target, String url) {
        return atUrl(target, url, endpoint -> plan(target, endpoint));
    }

    /**
     * Compares the live schema with the worktree head. A database that does not exist yet is reported as such, every
     * migration pending (as {@code db status} and {@code db drift} read it), not as an error.
     */
    public LivePlan plan(TargetConfig target, LiveEndpoint endpoint) {
        return plan(target, endpoint, "db plan", false);
    }

    /**
     * The plan for a command that writes to a database at the worktree head ({@code data apply}), refused as
     * {@code db up} refuses while a progress marker is left (docs/architecture.md §7): an interrupted section
     * leaves the schema partway, and a stale marker is {@code db up --resume}'s to remove.
     */
    public LivePlan planToWrite(TargetConfig target, String url, String context) {
        return atUrl(target, url, endpoint -> plan(target, endpoint, context, true));
    }

    private LivePlan plan(TargetConfig target, LiveEndpoint endpoint, String context, boolean refuseMarker) {
        LiveTarget live = target(target, endpoint);
        live.requireClean(context);
        String expected = live.expectedAt(live.head());
        Optional<Connection> existing = LiveConnector.connectIfExists(live, context);
        if (existing.isEmpty()) {
            return LivePlan.ofMissingDatabase(live.name(), live.endpoint(), live.prefix(List.of()),
                    live.head(), expected);
        }
        Reading reading = read(live, existing.get(), context, refuseMarker, true);
        boolean match = reading.prefix().relation() == LivePrefix.Relation.EQUAL
                && SchemaDump.sameSchema(reading.liveSql(), reading.expected());
        return new LivePlan(live.name(), live.endpoint(), reading.prefix(), live.head(), match, reading.pendingOnly(),
                reading.liveSql(), reading.expected(), reading.interrupted(), reading.unloadable());
    }

    /** Runs a command on the live database a URL names, its first connection opened while the workspace is read. */
    private <T> T atUrl(TargetConfig target, String url, Function<LiveEndpoint, T> command) {
        try (EarlyConnection endpoint = EarlyConnection.start(LiveTarget.endpoint(target, url, env))) {
            return command.apply(endpoint);
        }
    }

    /**
     * The applied versions and the live dump, read without the migration lock: reports never block a deploy.
     *
     * @param interrupted the section a progress marker says stopped partway, as {@code db status} reports it; null
     *                    when none, or when no section continues it ({@link StaleMarker}, which {@code db status} reports)
     * @param draft       how a draft of the drift writes its statements for this server
     */
    /**
     * @param expected    the committed state at the head or at the recorded prefix, as it reads in the database
     * @param pendingOnly read at the head: the database is behind it and equals the committed state at its prefix
     */
    private record Reading(LiveTarget target, List<String> applied, LivePrefix prefix, String liveSql, String expected,
            boolean pendingOnly, Interruption interrupted, List<String> unloadable, DraftDialect draft) {
    }

    private Reading inspect(LiveTarget live, String context) {
        live.requireClean(context);
        return read(live, LiveConnector.connect(live, context), context);
    }

    /** Reads and closes the connection. */
    private static Reading read(LiveTarget live, Connection open, String context) {
        return read(live, open, context, false, false);
    }

    private static Reading read(LiveTarget live, Connection open, String context, boolean refuseMarker,
            boolean atHead) {
        try (Connection connection = open) {
            ServerProfileCheck.beforeComparing(live, connection, context);
            List<String> applied = live.appliedVersions(connection);
            Optional<MigrationProgress.Marker> marker = live.engine().progressTable().read(connection);
            // a marker means a section ran, so something is recorded or being recorded: not a database predating Matey
            LivePrefix prefix = marker.isPresent() ? live.prefix(applied) : live.prefix(applied, connection);
            if (refuseMarker && marker.isPresent()) {
                throw Interruption.of(live, marker.get(), prefix, applied, connection, context).refusal(live, context);
            }
            Interruption interrupted = marker.isEmpty() || StaleMarker.misplaced(live, marker.get(), prefix) ? null
                    : Interruption.of(live, marker.get(), prefix, applied, connection, context);
            List<String> unloadable = new ArrayList<>();
            String liveSql = Interruption.liveDump(live, connection, unloadable::add);
            String expected = live.expectedAt(atHead ? live.head() : prefix.index(), connection);
            boolean pendingOnly = atHead && prefix.relation() == LivePrefix.Relation.BEHIND
                    && SchemaDump.sameSchema(liveSql, live.expectedAt(prefix.index(), connection));
            return new Reading(live, applied, prefix, liveSql, expected, pendingOnly, interrupted, unloadable,
                    live.engine().draft(connection));
        } catch (SQLException e) {
            throw live.failure(context, open, e);
        }
    }
}
