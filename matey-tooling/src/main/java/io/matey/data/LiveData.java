package io.matey.data;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.TargetLock;
import io.matey.engine.Engine;
import io.matey.engine.EngineToolings;
import io.matey.engine.Engines;
import io.matey.engine.LockNotices;
import io.matey.engine.LockWait;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.engine.RunningStatements;
import io.matey.error.MateyException;
import io.matey.live.LiveDatabase;
import io.matey.live.LivePlan;
import io.matey.workspace.EnvNames;
import io.matey.workspace.TargetConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The data commands ({@code data export|apply}) for one target. Both hold the target lock (data files are
 * written through the artifact journal) and the engine's migration lock (no migration changes the schema under
 * them), and both first require the live schema to equal the worktree head. Apply also refuses, as {@code db up}
 * does, while a migration's progress marker is left (an interrupted section, or a stale marker): it writes to a
 * schema whose state no migration accounts for until {@code db up --resume} settles it.
 */
public final class LiveData {

    private final Map<String, String> env;
    private final LockNotices notices;

    /**
     * @param env     the environment the live URL is resolved from when no URL is given
     * @param notices where a wait for the target lock or the migration lock is told
     */
    public LiveData(Map<String, String> env, LockNotices notices) {
        this.env = env;
        this.notices = notices;
    }

    /** The names of the target's data sets, in manifest order. */
    public List<String> sets(TargetConfig target) {
        return DataManifest.read(target.dir()).names();
    }

    /** Writes each table of the set to its JSONL file. */
    public DataExportResult export(TargetConfig target, String url, String set) {
        return run(target, url, set, "data export", false, (dataSet, connection, engine) -> new DataExportResult(
                target.name(), dataSet.name(), SetExport.export(target.dir(), connection, engine, dataSet, notices)));
    }

    /** Writes each file of the set into its table, all in one transaction. */
    public DataApplyResult apply(TargetConfig target, String url, String set) {
        return run(target, url, set, "data apply", true, (dataSet, connection, engine) -> new DataApplyResult(
                target.name(), dataSet.name(), new SetApply(target.dir(), connection, engine).apply(dataSet)));
    }

    private interface Work<T> {
        T run(DataSet set, Connection connection, Engine engine) throws SQLException;
    }

    /** @param writes whether the command writes, and so refuses a database with a migration's progress marker */
    private <T> T run(TargetConfig target, String url, String setName, String command, boolean writes, Work<T> work) {
        try (TargetLock lock = TargetLock.acquire(target.dir(), notices)) {
            new ArtifactJournal(target.dir(), notices).recover();
            DataSet set = DataManifest.read(target.dir()).select(setName);
            MateyUrl live = MateyUrl.parse(EnvNames.liveUrl(target, url, env));
            Engine engine = Engines.forUrl(live);
            EngineToolings.of(engine).data(); // an engine without data sets fails here, before connecting
            Connection connection = connect(engine, live, command);
            try (connection; Engine.MigrationLock migrations = new LockWait(Engine.DEFAULT_LOCK_TIMEOUT, notices)
                    .acquire(engine, connection)) {
                requireHead(target, url, command, writes);
                return work.run(set, connection, engine);
            } catch (SQLException e) {
                // a read whose answer never came (a write's is cancelled where it is reported, SetApply)
                String cancelled = engine.unanswered(e)
                        ? RunningStatements.cancelUnanswered(engine, connection, e, "`matey " + command + "`") : "";
                throw new MateyException(MigrationLockTimeoutException.reasonOf(e), command + " failed on " + live
                        + ": " + engine.maskedFailure(connection, e) + cancelled, e);
            }
        }
    }

    private static Connection connect(Engine engine, MateyUrl url, String command) {
        try {
            if (!engine.databaseExists(url)) {
                throw new MateyException(command + " failed: live database " + url + " does not exist. "
                        + "`matey db up` (or `db bootstrap`) creates it.");
            }
            return RunningStatements.cancellable(engine, engine.connect(url));
        } catch (SQLException e) {
            throw new MateyException(command + " failed: cannot reach live database " + url + ": "
                    + engine.maskedFailure(e), e);
        }
    }

    /** Data files are reviewed against the schema at head; any other schema could silently misread them. */
    private void requireHead(TargetConfig target, String url, String command, boolean writes) {
        // no lock notices: plan takes no migration lock, and the target lock is this thread's already
        LiveDatabase database = new LiveDatabase(env, line -> { });
        LivePlan plan = writes ? database.planToWrite(target, url, command) : database.plan(target, url);
        if (!plan.match()) {
            throw new MateyException(command + " requires the live database schema to match the current worktree head."
                    + " Live applied index: " + plan.applied() + ", worktree head: " + plan.targetIndex() + "; "
                    + (plan.pendingOnly() ? "`" + plan.command("db up") + "` applies the pending migrations, " : "")
                    + "`" + plan.command("db plan") + " --diff` shows the difference.");
        }
    }
}
