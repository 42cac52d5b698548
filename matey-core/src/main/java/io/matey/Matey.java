package io.matey;

import io.matey.artifact.Snapshot;
import io.matey.engine.Engine;
import io.matey.engine.LockNotices;
import io.matey.engine.LockWait;
import io.matey.error.MateyException;
import io.matey.live.CallerTerms;
import io.matey.live.LiveAdoption;
import io.matey.live.LiveChange;
import io.matey.live.LiveCheck;
import io.matey.live.LiveDatabase;
import io.matey.live.EditedMigrations;
import io.matey.live.LiveDrift;
import io.matey.live.LiveEndpoint;
import io.matey.live.LivePlan;
import io.matey.live.LiveStatus;
import io.matey.migration.NewMigration;
import io.matey.workspace.GitCommands;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetSelector;
import io.matey.workspace.Workspace;
import io.matey.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The façade the shell and the Spring Boot starter call: one instance per command invocation, bound to a
 * working directory, an optional explicit workspace root and an environment.
 */
public final class Matey {

    private final Path cwd;
    private final Path workspaceRoot;
    private final Map<String, String> env;
    private final LockWait locks;
    private final CallerTerms terms;
    private Workspace workspace;

    /** Waits for locks untold ({@link #withLockNotices} says where to tell them); messages in the CLI's terms. */
    public Matey(Path cwd, Path workspaceRoot, Map<String, String> env) {
        this(cwd, workspaceRoot, env, new LockWait(Engine.DEFAULT_LOCK_TIMEOUT, LockNotices.NONE), CallerTerms.CLI);
    }

    private Matey(Path cwd, Path workspaceRoot, Map<String, String> env, LockWait locks, CallerTerms terms) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.workspaceRoot = workspaceRoot == null ? null : WorkspaceLoader.directoryOf(workspaceRoot, this.cwd);
        this.env = Map.copyOf(env);
        this.locks = locks;
        this.terms = terms;
    }

    /** The same façade, with live commands waiting at most {@code timeout} for a migration lock held elsewhere. */
    public Matey withLockTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new MateyException("The lock timeout must not be negative, got " + timeout + ".");
        }
        return new Matey(cwd, workspaceRoot, env, new LockWait(timeout, locks.notices()), terms);
    }

    /**
     * The same façade, telling {@code notices} at once whenever a command finds the target lock or the migration
     * lock held, naming the holder (docs/architecture.md §4): each caller its own, so that two in one JVM (two
     * application contexts) never tell each other's waits.
     */
    public Matey withLockNotices(LockNotices notices) {
        return new Matey(cwd, workspaceRoot, env, new LockWait(locks.timeout(), notices), terms);
    }

    /**
     * The same façade, its live commands' messages naming what {@code terms} call the caller's own: the setting
     * that bounds a lock wait, the command that creates a missing database (docs/architecture.md §8).
     */
    public Matey withTerms(CallerTerms terms) {
        return new Matey(cwd, workspaceRoot, env, locks, terms);
    }

    /**
     * A façade for the process's working directory and environment. {@code workspace} may be null: then the
     * {@code matey.workspace} system property (a global {@code --workspace} option), else discovery, decides.
     */
    public static Matey at(String workspace) {
        String root = workspace != null ? workspace : System.getProperty("matey.workspace");
        return new Matey(Path.of(System.getProperty("user.dir")), root == null ? null : Path.of(root), System.getenv());
    }

    public Workspace workspace() {
        if (workspace == null) {
            workspace = WorkspaceLoader.load(workspaceRoot, cwd, false);
        }
        return workspace;
    }

    /**
     * The selected targets by name, each loaded when asked: with {@code --all} a target whose config.toml cannot
     * be read fails when its own report runs (the others are still reported).
     */
    public Map<String, Supplier<TargetConfig>> targetsEach(String path, boolean all) {
        return TargetSelector.select(workspace(), path, all, cwd);
    }

    public TargetConfig target(String path) {
        return TargetSelector.selectOne(workspace(), path, cwd);
    }

    public Path newMigration(String path, String name) {
        return NewMigration.create(target(path).dir().resolve("migrations"), name, Clock.systemUTC());
    }

    public InitResult init(String path, String engine, String urlEnv, String testUrlEnv, boolean force) {
        return TargetInitializer.init(workspaceRoot, cwd,
                new TargetInitializer.Options(path, engine, urlEnv, testUrlEnv, force), locks.notices());
    }

    public LiveStatus dbStatus(TargetConfig target, String url) {
        return live(line -> { }).status(target, url);
    }

    /** {@code db status} of a live database given as an endpoint, such as an application's DataSource. */
    public LiveStatus dbStatus(TargetConfig target, LiveEndpoint endpoint) {
        return live(line -> { }).status(target, endpoint);
    }

    public LiveChange dbUp(TargetConfig target, String url, Consumer<String> progress) {
        return live(progress).up(target, url);
    }

    /** {@code db up --resume}: continue an interrupted section first, then apply the rest. */
    public LiveChange dbUpResuming(TargetConfig target, String url, Consumer<String> progress) {
        return live(progress).upResuming(target, url);
    }

    public LiveChange dbMigrate(TargetConfig target, String url, Consumer<String> progress) {
        return live(progress).migrate(target, url);
    }

    public LiveChange dbDown(TargetConfig target, String url, int steps, Consumer<String> progress) {
        return live(progress).down(target, url, steps);
    }

    /** {@code db down --resume}: finish an interrupted rollback first, as the first of {@code steps}. */
    public LiveChange dbDownResuming(TargetConfig target, String url, int steps, Consumer<String> progress) {
        return live(progress).downResuming(target, url, steps);
    }

    public LiveChange dbBootstrap(TargetConfig target, String url, Consumer<String> progress) {
        return live(progress).bootstrap(target, url);
    }

    public LiveAdoption dbAdopt(TargetConfig target, String url, boolean apply) {
        return live(line -> { }).adopt(target, url, apply);
    }

    /** {@code db adopt} on a live database given as an endpoint, such as an application's DataSource. */
    public LiveAdoption dbAdopt(TargetConfig target, LiveEndpoint endpoint, boolean apply) {
        return live(line -> { }).adopt(target, endpoint, apply);
    }

    private LiveDatabase live(Consumer<String> progress) {
        return new LiveDatabase(env, progress, locks, terms, cwd);
    }

    public LiveDrift dbDrift(TargetConfig target, String url) {
        return live(line -> { }).drift(target, url);
    }

    /** {@code db drift} read for {@code command} ({@code db new --from-drift}), which its refusals name. */
    public LiveDrift dbDrift(TargetConfig target, String url, String command) {
        return live(line -> { }).drift(target, url, command);
    }

    /** {@code db migrate} on a live database given as an endpoint, such as an application's DataSource. */
    public LiveChange dbMigrate(TargetConfig target, LiveEndpoint endpoint, Consumer<String> progress) {
        return live(progress).migrate(target, endpoint);
    }

    /** Whether the target has a migration yet ({@code matey init} leaves it with none): else there is nothing to run. */
    public boolean hasMigrations(TargetConfig target) {
        return Snapshot.hasMigrations(target.dir());
    }

    /**
     * Artifact coherence, live status and drift of a target in one reading, as a running application reports
     * them; the database is not read when the artifacts are not clean.
     */
    public LiveCheck dbCheck(TargetConfig target, LiveEndpoint endpoint) {
        return live(line -> { }).check(target, endpoint);
    }

    /** Why {@code drift} happened when an edit of an applied migration explains it ({@link EditedMigrations}). */
    public Optional<String> explainEdits(TargetConfig target, LiveDrift drift) {
        return EditedMigrations.explain(target, drift, new GitCommands(cwd, target.dir()));
    }

    public LivePlan dbPlan(TargetConfig target, String url) {
        return live(line -> { }).plan(target, url);
    }

    /** True when a workspace with at least one target is found (from {@code --workspace} or the current directory). */
    public boolean hasWorkspace() {
        try {
            return !workspace().configs().isEmpty();
        } catch (MateyException none) {
            return false;
        }
    }

    /** True when the path (or the current directory) names a configured target. */
    public boolean hasTarget(String path) {
        try {
            target(path);
            return true;
        } catch (MateyException notConfigured) {
            return false;
        }
    }

    /** The workspace {@code init} would write into, before it writes anything. */
    public Workspace workspaceForInit() {
        return WorkspaceLoader.loadForInit(workspaceRoot, cwd);
    }

    /** The workspace read again, e.g. after {@code init} wrote its configuration. */
    public Workspace reloadedWorkspace() {
        workspace = null;
        return workspace();
    }

    /** The environment the façade resolves URLs from; the tooling's façade (matey-tooling) reads it too. */
    public Map<String, String> env() {
        return env;
    }

    /** How long and where lock waits are told, for the tooling's façade (matey-tooling). */
    public LockWait locks() {
        return locks;
    }
}
