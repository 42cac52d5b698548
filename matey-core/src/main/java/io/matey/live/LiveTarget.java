package io.matey.live;

import io.matey.artifact.ArtifactNames;
import io.matey.artifact.CheckpointFile;
import io.matey.artifact.Diagnostic;
import io.matey.artifact.LockState;
import io.matey.artifact.Snapshot;
import io.matey.engine.Engine;
import io.matey.engine.FailureCommands;
import io.matey.engine.LockNotices;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.lint.RunnableMigrations;
import io.matey.migration.Migration;
import io.matey.migration.MigrationParser;
import io.matey.workspace.EnvNames;
import io.matey.workspace.GitCommands;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetPaths;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a live command works with: the target's engine, where its live database is reached, and its artifacts as
 * one consistent snapshot. The target lock is held only while reading the artifacts (after recovering an interrupted write);
 * the database itself is guarded by the engine's migration lock, which on servers also works across machines.
 */
record LiveTarget(TargetConfig config, Engine engine, LiveEndpoint endpoint, List<Migration> migrations,
        LockState state, GitCommands git, CallerTerms terms) {

    /** The live URL is {@code urlOverride} when given, else the target's {@code url_env} variable. */
    static LiveEndpoint endpoint(TargetConfig target, String urlOverride, Map<String, String> env) {
        MateyUrl url = MateyUrl.parse(EnvNames.liveUrl(target, urlOverride, env));
        return urlOverride == null || urlOverride.isBlank() ? LiveEndpoint.of(url) : LiveEndpoint.given(url);
    }

    /**
     * @param cwd     where matey runs: the git commands of advice name files relative to it
     * @param notices where a wait for the target lock is told
     * @param terms   how messages name what the caller controls
     */
    static LiveTarget read(TargetConfig target, LiveEndpoint endpoint, Path cwd, LockNotices notices, CallerTerms terms) {
        Engine engine = target.knownEngine();
        Engine liveEngine = endpoint.engine();
        if (!liveEngine.id().equals(engine.id())) {
            throw new MateyException("Live " + endpoint.kind() + " " + endpoint + " is a " + liveEngine.id() + " "
                    + endpoint.kind() + ", but " + target.configFile() + " says engine '" + engine.id() + "'.");
        }
        LockState state = LockState.of(Snapshot.ofRecoveredWorktree(target.dir(), target.name(), notices));
        // forEach, not a stream: a sorted map's entry stream spins a comparator class in every process
        // (docs/architecture.md §8)
        List<Migration> migrations = new ArrayList<>();
        state.snapshot().migrations().forEach((file, sql) -> migrations.add(
                new Migration(file, Snapshot.versionOf(file), sql).requireReadableIn(target.name())));
        return new LiveTarget(target, engine, endpoint, migrations, state, new GitCommands(cwd, target.dir()), terms);
    }

    /**
     * The versions {@code schema_migrations} records, as live commands relate them to the worktree: a version
     * without a worktree file that the worktree's own migrations write into the table ({@link SelfRecordedVersions})
     * is left out.
     */
    List<String> appliedVersions(Connection connection) throws SQLException {
        List<String> recorded = engine.migrationTable().appliedVersions(connection);
        Set<String> worktree = migrations.stream().map(Migration::version).collect(Collectors.toSet());
        if (worktree.containsAll(recorded)) {
            return recorded;
        }
        Set<String> selfRecorded = SelfRecordedVersions.of(migrations, engine.dialect());
        return recorded.stream().filter(v -> worktree.contains(v) || !selfRecorded.contains(v)).toList();
    }

    /** Commands that change or verify a database compare it with the artifacts, so those must be coherent. */
    LiveTarget requireClean(String command) {
        if (state.foreignReason().isPresent()) {
            throw new MateyException(Reason.STALE_ARTIFACTS, "Target '" + name() + "', refusing " + command + " before touching the database: "
                    + state.foreignReason().get());
        }
        if (!state.isClean()) {
            throw new MateyException(Reason.STALE_ARTIFACTS, "Worktree schema artifacts of target '" + name() + "' are not clean; refusing "
                    + command + ". " + StaleArtifacts.wayForward(this, command) + " Diagnostics:"
                    + Diagnostic.describe(state.diagnostics()));
        }
        return this;
    }

    String name() {
        return config.name();
    }

    /** How a database that applied {@code applied} relates to the worktree migrations. */
    LivePrefix prefix(List<String> applied) {
        return LivePrefix.check(name(), git, migrations, applied);
    }

    /**
     * {@link #prefix(List)} as the reports read it: a database recording nothing whose schema holds objects
     * predates Matey ({@link UnrecordedSchema}), which {@code db up} refuses; it is not behind.
     */
    LivePrefix prefix(List<String> applied, Connection connection) throws SQLException {
        return applied.isEmpty() && UnrecordedSchema.predatesMatey(engine, connection)
                ? LivePrefix.unadopted(UnrecordedSchema.predates(this)) : prefix(applied);
    }

    /**
     * A matey command on this target's database, for messages that point at it: with {@code --path}, and with
     * {@code --url} when the user gave it ({@link LiveEndpoint#urlOption()}), so that it names the same database in a
     * workspace of several targets too.
     */
    String command(String command) {
        return command(name(), endpoint, command);
    }

    /** {@link #command(String)} for a target known by its name and database. */
    static String command(String target, LiveEndpoint endpoint, String command) {
        return "matey " + command + TargetPaths.option(target) + endpoint.urlOption();
    }

    /**
     * A {@code matey dbmate} command on this target's database, to be typed where matey runs: dbmate's defaults
     * ({@code ./db/migrations}, {@code DATABASE_URL}, a schema dump into {@code ./db/schema.sql}) are not the
     * target's, so it names the migrations directory, the URL's variable or the URL, and dumps no schema.
     */
    String dbmateCommand(String verb) {
        String url = endpoint.urlOption();
        if (url.isEmpty()) {
            url = !endpoint.kind().equals("URL") ? " --url URL"
                    : config.urlEnv().equals("DATABASE_URL") ? "" : " -e " + config.urlEnv();
        }
        return "matey dbmate" + url + " -d " + git.typed(ArtifactNames.MIGRATIONS_DIR) + " --no-dump-schema " + verb;
    }

    /** The commands a failed section's advice names: resuming on this database, replaying this target. */
    FailureCommands failureCommands() {
        return new FailureCommands(command("db up") + " --resume", command("db down") + " --resume",
                "matey schema apply" + TargetPaths.option(name()),
                command("db status"));
    }

    /**
     * What a message of {@code command} opens with, in the caller's terms (docs/architecture.md §8): the CLI's
     * {@code db migrate}, the application's work in the starter.
     */
    String opening(String command) {
        return terms.opening(command, "");
    }

    /** {@link #opening(String)} at {@code step} of the command: {@code db up post-status}. */
    String opening(String command, String step) {
        return terms.opening(command, step);
    }

    /** Commands that run (or record) migrations refuse files no tool should run as they are. */
    LiveTarget requireRunnable(String command) {
        RunnableMigrations.require(config, state.snapshot(), opening(command));
        return this;
    }

    /** Up-like commands need a head to verify against; a new target has none, so say how to make the first one. */
    LiveTarget requireMigrations(String command) {
        if (migrations.isEmpty()) {
            String path = TargetPaths.option(name());
            throw new MateyException(opening(command) + " needs a migration, and target '" + name() + "' has none yet: create "
                    + "one with `matey db new NAME" + path + "`, write its SQL, then run `matey schema apply" + path
                    + "`.");
        }
        return this;
    }

    /** N: the number of worktree migrations. */
    int head() {
        return migrations.size();
    }

    /** The schema a database with the first {@code index} migrations applied must have. */
    String expectedAt(int index) {
        if (index == 0) {
            return engine.zeroBaseline();
        }
        String path = expectedSource(index);
        byte[] bytes = index == head() ? state.snapshot().schema().orElse(null)
                : Optional.ofNullable(state.snapshot().checkpoints().get(path)).map(CheckpointFile::bytes).orElse(null);
        if (bytes == null) {
            throw new MateyException(Reason.STALE_ARTIFACTS, "Missing checkpoint for expected index " + index + ": " + path
                    + ". Run `matey schema apply" + TargetPaths.option(name()) + "` to regenerate it.");
        }
        return MigrationParser.decode(path, bytes);
    }

    /**
     * {@link #expectedAt(int)} as it reads in the connected database, to compare with its dump
     * ({@link Engine#expectedIn}: PostgreSQL's default privileges of the migrating role, docs/architecture.md §5).
     */
    String expectedAt(int index, Connection connection) throws SQLException {
        return engine.expectedIn(connection, expectedAt(index));
    }

    /**
     * A database error of a query on {@code connection} during {@code command}, with the endpoint, said as
     * Engine.maskedFailure(Connection, ...) says it (masked; a ClickHouse read timeout names the timeout and its cure),
     * so that every live command says the same failure the same way, and a lock timeout naming the caller's bound.
     */
    MateyException failure(String command, Connection connection, SQLException e) {
        SQLException said = e instanceof MigrationLockTimeoutException timeout ? timeout.boundBy(terms.lockBound()) : e;
        return new MateyException(MigrationLockTimeoutException.reasonOf(said), opening(command) + " failed on " + endpoint + ": "
                + engine.maskedFailure(connection, said) + engine.unwritableDatabase(connection, said)
                        .map(fix -> "; " + fix + " and run again.").orElse(""), said);
    }

    /**
     * Drops the database this command created and refused or failed in, so that nothing of it remains and the next
     * attempt starts as this one did; says which happened.
     */
    String dropCreated() {
        try {
            endpoint.drop();
            return "The database " + endpoint + " that it created was dropped.";
        } catch (SQLException e) {
            return "The database " + endpoint + " that it created could not be dropped (" + engine.maskedFailure(e)
                    + "); drop it before trying again.";
        }
    }

    /** Where {@link #expectedAt} comes from, for messages. */
    String expectedSource(int index) {
        if (index == 0) {
            return "the zero baseline";
        }
        return index == head() ? ArtifactNames.SCHEMA_FILE
                : Snapshot.checkpointPathFor(migrations.get(index - 1).file());
    }
}
