package io.matey.engine;

import io.matey.log.DebugLog;
import io.matey.migration.Migration;
import io.matey.migration.MigrationScript;
import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs migration sections with dbmate's semantics: a section and its version row in one transaction unless
 * the directive says {@code transaction:false} or the engine has no transactions ({@link Engine#transactions()}).
 * Where dbmate's one query of a {@code transaction:false} section is one implicit transaction
 * ({@link Engine#oneQueryIsOneTransaction()}: PostgreSQL), such a section runs in one transaction too, unless a
 * statement of it refuses a transaction block. Statements run one at a time so a failure names its line, except
 * consecutive row writes of such a transaction where the engine batches them ({@link StatementBatch}). On a live
 * database, a section that cannot run in one transaction (MySQL DDL commits itself; {@code transaction:false} on
 * SQLite or with such a statement; an engine without transactions) records its
 * progress in {@link MigrationProgress}, so that an interruption is known to the next command
 * (docs/architecture.md §7). Every section starts from the session state the connection had before the first one
 * ({@link SessionBaseline}): a migration's {@code SET search_path} or {@code USE} ends with its section.
 */
public final class MigrationRunner {

    public static final String UP = "up";
    public static final String DOWN = "down";

    /** How long {@link Connection#isValid} may take to tell a lost connection after a failed statement. */
    private static final int VALIDITY_SECONDS = 5;

    private final Engine engine;
    private final MigrationTable table;
    private final Connection connection;
    private final boolean trackProgress;
    /** Where a replay's sections run, as the start of a failure's sentence; null on a live database. */
    private final String scratch;
    private final FailureCommands commands;
    private SessionBaseline baseline;
    private long rowsAffected;

    /** Where a replay's sections run, unless --keep-scratch keeps the scratch database. */
    public static final String DISCARDED_SCRATCH = "It ran in a scratch database, which is discarded";

    /**
     * A runner for scratch databases: nothing outlives a replay, so no progress is recorded.
     *
     * @param scratch where the sections run, as its failures say it: {@link #DISCARDED_SCRATCH} or a kept database
     */
    public MigrationRunner(Engine engine, Connection connection, String scratch) {
        this(engine, engine.migrationTable(), connection, false, scratch, FailureCommands.ROOT);
    }

    /**
     * A runner for a live database that records the progress of sections run outside one transaction.
     *
     * @param commands the commands its failures name, for the target it runs on
     */
    public MigrationRunner(Engine engine, Connection connection, FailureCommands commands) {
        this(engine, engine.migrationTable(), connection, true, null, commands);
    }

    /**
     * A runner for dbmate's commands, which have no workspace and, like dbmate, record no progress.
     *
     * @param table the migrations table that records versions, as dbmate's {@code --migrations-table} names it
     */
    public MigrationRunner(Engine engine, MigrationTable table, Connection connection) {
        this(engine, table, connection, false, null, FailureCommands.WITHOUT_WORKSPACE);
    }

    private MigrationRunner(Engine engine, MigrationTable table, Connection connection, boolean trackProgress,
            String scratch, FailureCommands commands) {
        this.engine = engine;
        this.table = table;
        this.connection = connection;
        this.trackProgress = trackProgress;
        this.scratch = scratch;
        this.commands = commands;
    }

    /** Applies the up section and records the version; returns how long it took. */
    public Duration up(Migration migration) throws SQLException {
        return run(migration, UP, 0, false, statement -> { });
    }

    /**
     * Applies the up section and records the version, running {@code afterEach} after each of its statements (a
     * replay marks the roles a statement created at once, docs/architecture.md §6), in the section's transaction
     * where it has one.
     */
    public Duration up(Migration migration, AfterStatement afterEach) throws SQLException {
        return run(migration, UP, 0, false, afterEach);
    }

    /** Applies the down section and removes the version row; returns how long it took. */
    public Duration down(Migration migration) throws SQLException {
        return run(migration, DOWN, 0, false, statement -> { });
    }

    /**
     * Runs a section from its statement {@code done} on (the first {@code done} are in effect already), then
     * changes the version row and removes the section's progress marker, which an earlier run left.
     */
    public Duration resume(Migration migration, String direction, int done) throws SQLException {
        return run(migration, direction, done, trackProgress, statement -> { });
    }

    /**
     * @param marked    whether the section's progress marker is on the database, to go with the version change
     * @param afterEach run after each statement that ran
     */
    private Duration run(Migration migration, String direction, int done, boolean marked, AfterStatement afterEach)
            throws SQLException {
        MigrationScript script = migration.script().requireValid();
        boolean up = direction.equals(UP);
        return run(migration, up ? script.up() : script.down(), done, marked, afterEach, () -> {
            if (up) {
                table.record(connection, migration.version());
            } else {
                table.remove(connection, migration.version());
            }
        });
    }

    /**
     * The update count of the last statement the last section ran (0 for DDL): what dbmate's {@code --verbose}
     * prints as "Rows affected" for a section, which it runs as one multi-statement call.
     */
    public long rowsAffected() {
        return rowsAffected;
    }

    private interface VersionChange {
        void apply() throws SQLException;
    }

    /**
     * What runs after each statement of a section that ran, before the next one, in the section's transaction where it
     * has one: where DDL commits itself, before a kill can come between the statement and the section's end.
     */
    public interface AfterStatement {
        void ran(SqlStatement statement) throws SQLException;
    }

    private Duration run(Migration migration, Section section, int done, boolean marked, AfterStatement afterEach,
            VersionChange versionChange) throws SQLException {
        if (baseline == null) {
            baseline = engine.captureSession(connection);
        }
        try {
            return runSection(migration, section, done, marked, afterEach, versionChange);
        } catch (SQLException | RuntimeException e) {
            try {
                baseline.restore();
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
    }

    private Duration runSection(Migration migration, Section section, int done, boolean marked,
            AfterStatement afterEach, VersionChange versionChange) throws SQLException {
        long started = System.nanoTime();
        List<SqlStatement> statements = section.statements(engine.dialect());
        rowsAffected = 0;
        boolean previousAutoCommit = connection.getAutoCommit();
        boolean transactions = engine.transactions();
        boolean transactional = inOneTransaction(section, statements);
        boolean tracked = trackProgress && !(transactional && engine.transactionalDdl());
        connection.setAutoCommit(!transactional);
        try {
            // In a MySQL section the marker rows ride in the open transaction: a DML statement's progress commits
            // or rolls back with it, and each DDL statement's implicit commit makes the progress before it durable.
            if (tracked) {
                engine.progressTable().begin(connection, migration.version(), section.kind(), done, statements.size());
            }
            boolean batching = transactional && engine.transactionalDdl() && engine.batchesStatements();
            int unbatchedUntil = done;
            for (int i = done; i < statements.size(); i++) {
                if (batching && i >= unbatchedUntil) {
                    int end = StatementBatch.end(engine, statements, i);
                    if (end - i > 1 && ranAsBatch(migration, section, statements, i, end)) {
                        for (SqlStatement statement : statements.subList(i, end)) {
                            afterEach.ran(statement);
                        }
                        i = end - 1;
                        continue;
                    }
                    unbatchedUntil = end; // a failed batch, rolled back: its statements run one at a time
                }
                if (tracked && !engine.transactionalDdl() && !engine.serverRoles().createdBy(statements.get(i)).isEmpty()) {
                    // It commits itself, and no dump shows accounts, so its progress is counted first and commits
                    // before it: a kill after it then leaves an exact count (docs/architecture.md §7).
                    countFirst(migration, i + 1);
                }
                try {
                    execute(migration, section, statements.get(i));
                } catch (SQLException e) {
                    if (lost(e)) {
                        throw connectionLost(migration, section, statements, i, e);
                    }
                    Optional<Leftover> leftover = tracked ? leftoverOf(statements.get(i), e) : Optional.empty();
                    // A cancel (Ctrl-C, SIGTERM) may land after the statement committed: not vouched for.
                    boolean exact = tracked && leftover.isEmpty() && !RunningStatements.cancelling()
                            && engine.failedWithoutEffect(statements.get(i), e);
                    MigrationFailedException failure = failure(migration, section, statements, i, done, e,
                            leftover.orElse(null), exact);
                    if (tracked) {
                        keepProgress(migration, i, leftover.isPresent(), exact, failure);
                    }
                    throw failure;
                }
                afterEach.ran(statements.get(i));
                if (tracked) {
                    boolean committed = !connection.getAutoCommit() && engine.committedItself(connection);
                    engine.progressTable().advance(connection, migration.version(), i + 1);
                    if (committed) {
                        connection.commit(); // nothing but the count rides in the transaction: a kill now keeps it
                    }
                }
            }
            // Before the version change, which must reach this database's migrations table whatever the section set.
            baseline.restore();
            if (transactions) {
                connection.setAutoCommit(false);
            }
            versionChange.apply();
            // A resumed section that now runs in one transaction (its file was fixed) tracks nothing, but its marker goes.
            if (tracked || marked) {
                engine.progressTable().finish(connection, migration.version());
            }
            if (transactions) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (lost(e)) {
                throw closeQuietly(previousAutoCommit, lostAfterStatements(migration, section, e));
            }
            throw closeQuietly(previousAutoCommit, e);
        } catch (RuntimeException e) {
            throw closeQuietly(previousAutoCommit, e);
        }
        connection.setAutoCommit(previousAutoCommit);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Whether the section's statements run in one transaction: a transactional section, and a {@code transaction:false}
     * one where dbmate's one query of it is one implicit transaction, so that its statements take effect all or none
     * as under dbmate, unless one of them refuses a transaction block (which dbmate fails on, L013; Matey runs them
     * one by one where the target allows such files).
     */
    private boolean inOneTransaction(Section section, List<SqlStatement> statements) {
        if (!engine.transactions()) {
            return false;
        }
        return section.transaction() || engine.oneQueryIsOneTransaction() && statements.stream()
                .noneMatch(statement -> engine.lint().refusedInTransactionBlock(statement.code()).isPresent());
    }

    private boolean inOneTransaction(Section section) {
        return inOneTransaction(section, section.statements(engine.dialect()));
    }

    /**
     * Rolls back what the failed section left open and restores the connection's auto-commit; on a lost connection
     * both fail, which must not hide {@code failure}.
     */
    private <E extends Exception> E closeQuietly(boolean previousAutoCommit, E failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(previousAutoCommit);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /**
     * Whether {@code failure} came with the loss of the connection (the server ended the session, the network
     * dropped): then the statement's fate is unknown and nothing more can be written on the connection.
     */
    private boolean lost(SQLException failure) {
        if (engine.unanswered(failure)) {
            return true;
        }
        try {
            return connection.isClosed() || !connection.isValid(VALIDITY_SECONDS);
        } catch (SQLFeatureNotSupportedException e) {
            return false; // a connection without a session to lose: BigQuery's adapter over its HTTP client
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return true;
        }
    }

    /**
     * After statement {@code index} failed, the statements before it stay in effect: their work and the marker
     * counting them are committed. The marker records the stop as exact when the engine vouches that the failed
     * statement took no effect ({@code exact}, {@link Engine#failedWithoutEffect}); otherwise it may have taken
     * effect in part. With none in effect the marker goes, unless the failed statement left something behind
     * ({@code leftBehind}), which the next command must learn of.
     */
    private void keepProgress(Migration migration, int index, boolean leftBehind, boolean exact,
            MigrationFailedException failure) {
        try {
            if (index == 0 && !leftBehind) {
                engine.progressTable().finish(connection, migration.version());
            } else if (exact) {
                engine.progressTable().failedAt(connection, migration.version(), index);
            } else {
                engine.progressTable().advance(connection, migration.version(), index);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Counts a statement that creates accounts before it runs, committed: the resume point tells, from the
     * server's accounts, whether it took effect; a failure counts it out again ({@link #keepProgress}).
     */
    private void countFirst(Migration migration, int done) throws SQLException {
        engine.progressTable().advance(connection, migration.version(), done);
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** What the failed statement left behind without taking effect ({@link Engine#leftoverOf}), on a live database. */
    private Optional<Leftover> leftoverOf(SqlStatement statement, SQLException failure) {
        try {
            return engine.leftoverOf(connection, statement);
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return Optional.empty();
        }
    }

    /**
     * Runs statements {@code from} to {@code end} as one batch ({@link StatementBatch}); false when the batch failed
     * and was rolled back to its savepoint, so that its statements run again one at a time and the failure names the
     * statement that failed. A failure that is no batch entry's (the connection lost, the process ending) is the
     * failure of the batch's first statement.
     */
    private boolean ranAsBatch(Migration migration, Section section, List<SqlStatement> statements, int from, int end)
            throws MigrationFailedException {
        List<SqlStatement> batch = statements.subList(from, end);
        for (SqlStatement statement : batch) {
            DebugLog.log(MigrationRunner.class, () -> migration.file() + ":" + statement.line() + " " + section.kind()
                    + " (batched): " + statement.summary());
        }
        try {
            rowsAffected = Math.max(0, StatementBatch.run(connection, batch));
            return true;
        } catch (SQLException e) {
            if (lost(e)) {
                throw connectionLost(migration, section, statements, from, e);
            }
            if (e instanceof BatchUpdateException) {
                try {
                    StatementBatch.rollBack(connection);
                    return false;
                } catch (SQLException rollBack) {
                    e.addSuppressed(rollBack);
                }
            }
            throw failure(migration, section, statements, from, from, e, null, false);
        }
    }

    private void execute(Migration migration, Section section, SqlStatement statement) throws SQLException {
        DebugLog.log(MigrationRunner.class, () -> migration.file() + ":" + statement.line() + " " + section.kind()
                + ": " + statement.summary());
        try (Statement st = connection.createStatement()) {
            RunningStatements.execute(engine, st, statement);
            rowsAffected = Math.max(0, st.getUpdateCount());
        }
    }

    private MigrationFailedException failure(Migration migration, Section section, List<SqlStatement> statements,
            int index, int from, SQLException e, Leftover leftover, boolean exact) {
        SqlStatement statement = statements.get(index);
        int line = engine.failedLine(statement, e);
        return new MigrationFailedException(migration.file(), section.kind(), line,
                migration.file() + ":" + line + ": " + section.kind() + " section failed: "
                        + engine.failureSentence(connection, e) + engine.failureHint(statement, e) + " Statement: '"
                        + statement.summary() + "'. "
                        + aftermath(migration, section, statements.subList(0, index), from, e, leftover, exact, line),
                e);
    }

    /**
     * A statement whose connection was lost: it may have taken effect or not, and the progress marker counts the
     * statements before it, so the advice is an interruption's (docs/architecture.md §7), not a fix of the file.
     */
    private MigrationFailedException connectionLost(Migration migration, Section section, List<SqlStatement> statements,
            int index, SQLException e) {
        SqlStatement statement = statements.get(index);
        boolean unanswered = engine.unanswered(e);
        return new MigrationFailedException(migration.file(), section.kind(), statement.line(),
                migration.file() + ":" + statement.line() + ": " + section.kind() + " section failed: "
                        + (unanswered ? "no answer came from the database" : "the connection to the database was lost")
                        + " while statement " + (index + 1) + " of " + statements.size() + " ran: "
                        + engine.failureSentence(connection, e)
                        + (unanswered ? RunningStatements.cancelUnanswered(engine, connection, e, "the migration") : "")
                        + " Statement: '" + statement.summary() + "'. " + lostAftermath(section, index), e);
    }

    /** The connection was lost after the statements, while the progress or the version change was written. */
    private MigrationFailedException lostAfterStatements(Migration migration, Section section, SQLException e) {
        return new MigrationFailedException(migration.file(), section.kind(), section.firstLine(), migration.file()
                + ": " + section.kind() + " section failed: the connection to the database was lost while Matey "
                + "wrote its progress or version: " + engine.failureSentence(connection, e) + " "
                + (commands.status() == null ? "Check whether its version is recorded"
                        : "Run `" + commands.status() + "` to see whether its version is recorded")
                + " before running it again.", e);
    }

    private String lostAftermath(Section section, int index) {
        String version = section.kind().equals(DOWN) ? "its version stays recorded" : "its version is not recorded";
        if (scratch != null) {
            return scratch + ": nothing was written; run again.";
        }
        if (inOneTransaction(section) && engine.transactionalDdl()) {
            return rolledBack(section) + " and " + version + "; run the command again.";
        }
        String inEffect = (index == 0 ? "No statement before it had run"
                : inOneTransaction(section)
                        ? "The statements before it stay applied up to the last one " + engine.id() + " committed ("
                                + whyNotRolledBack() + "; the rest rolled back with the connection)"
                        : "The " + index + " statement(s) before it took effect and stay applied (" + whyNotRolledBack()
                                + ")") + ", and this one may have taken effect too; " + version + ".";
        if (!trackProgress) {
            return inEffect + " Undo what took effect or make the migration idempotent before running again: `matey "
                    + "dbmate`, like dbmate, records no progress, so the next run starts the section from its first "
                    + "statement.";
        }
        return inEffect + " Run `" + commands.status() + "`: while it reports the migration as interrupted (with the "
                + "partial state), db " + section.kind() + " refuses this database until `" + commands.resume(section.kind()) + "` continues after the "
                + "last statement in effect.";
    }

    /**
     * What the failure left behind; a failed down section leaves its version recorded, an up section unrecorded.
     * A replay's scratch database is discarded (or kept only to be looked at), so there nothing is left to undo, and
     * the rows a statement met there were written by the migrations themselves: the file is at fault. On a live
     * database a statement rejected by the rows it met ({@link Engine#failedOnData}) failed on the data, which the
     * file may be right about. A role the server has already ({@link Engine#serverObjectExists}) is no fault of the
     * file's on its own either: it belongs to the server, which other databases share.
     */
    private String aftermath(Migration migration, Section section, List<SqlStatement> executed, int resumedAt,
            SQLException failure, Leftover leftover, boolean exact, int failedLine) {
        boolean raced = engine.lostCreationRace(failure);
        boolean data = !raced && engine.failedOnData(failure);
        Optional<ServerObjectExists> exists = engine.serverObjectExists(failure);
        if (scratch != null) {
            return scratch + ": nothing was written; " + exists.map(object ->
                    object.object() + " belongs to the server, not to the scratch database, and " + (object.dependents()
                            ? "objects of another database on the test server depend on it (a live database on the "
                                    + "same server, which its migrations gave them)"
                            : "the test server has it already (created by a live database on the same server, or "
                                    + "outside Matey)")
                            + ": give replays a test server of their own (test_url_env), or " + object.guard()
                            + " and run again.")
                    .orElse("fix the file and run again.");
        }
        String version = section.kind().equals(DOWN) ? "its version stays recorded" : "its version is not recorded";
        Optional<String> unwritable = engine.unwritableDatabase(connection, failure);
        boolean notTheFile = raced || data || exists.isPresent() || unwritable.isPresent();
        String fix = raced ? "another session created the same object at the same time (another migration run on "
                + "this database): let that run finish"
                : unwritable.isPresent() ? unwritable.get()
                : exists.isPresent() ? exists.get().object() + " belongs to the server, " + (exists.get().dependents()
                ? "and objects of another database on it depend on it: " : "which has it already (created for another "
                + "database on it, or outside Matey): ") + exists.get().guard()
                : data ? "the failure may be caused by the data the statement read: fix the data (or make the "
                + "migration clean it before this statement" + commands.afterFixingTheFile() + ")" : "fix the file";
        if (inOneTransaction(section) && engine.transactionalDdl()) {
            return rolledBack(section) + " and " + version + "; " + fix + " and run again.";
        }
        String resume = !trackProgress ? "" : " db " + section.kind() + " now refuses this database until `" + commands.resume(section.kind()) + "` (after "
                + (raced ? "the other run finished" : data ? "fixing the data the statement rejected, or the file and `"
                        + commands.apply() + "`" : "fixing the file and `" + commands.apply() + "`") + ") ";
        String left = leftover == null ? unconfirmedLeftover(failure) : " The failed statement left "
                + leftover.description() + " behind without taking effect.";
        String lines = executed.stream().map(s -> String.valueOf(s.line())).collect(Collectors.joining(", "));
        String partly = engine.inEffectDespite(failure);
        if (partly != null) {
            return (executed.isEmpty() ? "No statement before it had run" : "Statements at line(s) " + lines
                    + " took effect and stay applied (" + whyNotRolledBack() + ")") + "; " + version + ". The failed "
                    + "statement (line " + failedLine + ") took effect in part: " + partly
                    + (executed.isEmpty() ? "" : trackProgress ? " db " + section.kind() + " refuses this database until `"
                            + commands.resume(section.kind()) + "` runs the section again from the failed statement."
                            : " Undo the statements before it as well, or make the migration idempotent: `matey "
                                    + "dbmate`, like dbmate, records no progress, so the next run starts the section "
                                    + "from its first statement.");
        }
        if (executed.isEmpty()) {
            if (leftover == null && !trackProgress) {
                return unwritable.isPresent() ? "No statement of this section took effect; " + version + "; " + fix
                        + " and run again." : untrackedFirstStatementFailed(migration, section, version,
                        notTheFile ? fix : null);
            }
            if (leftover == null) {
                return "No statement of this section had run; " + version
                        + (notTheFile ? "; " + fix + " and run again." : ".") + left;
            }
            return "No statement of this section took effect; " + version + "." + left + resume
                    + "drops it and runs the section from its first statement.";
        }
        return "Statements at line(s) " + lines + " took effect" + (resumedAt > 0 ? " (some in an earlier run)" : "")
                + " and stay applied (" + whyNotRolledBack() + "); " + version + "." + left
                + (trackProgress ? resume + (leftover != null ? "drops it and continues from the failed statement."
                        : exact ? "continues from the failed statement, which took no effect."
                        : "continues after the last statement in effect.")
                        : " Undo them or make the migration idempotent before running again: `matey dbmate`, like "
                                + "dbmate, records no progress, so the next run starts the section from its first "
                                + "statement.");
    }

    /** What {@link #leftoverOf} could not confirm ({@link UnconfirmedLeftover}), which the failure carries. */
    private static String unconfirmedLeftover(SQLException failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof UnconfirmedLeftover unconfirmed) {
                return " " + unconfirmed.getMessage();
            }
        }
        return "";
    }

    /**
     * The first statement failed in a run that records no progress ({@code matey dbmate}, like dbmate): nothing of
     * this run took effect, but an earlier run of the section that failed or was interrupted may have left its
     * statements in effect, which is the usual reason a first statement such as a CREATE fails.
     */
    private String untrackedFirstStatementFailed(Migration migration, Section section, String version, String fix) {
        Optional<MigrationProgress.Marker> marker = markerOf(migration, section);
        if (marker.isPresent()) {
            return "No statement of this section took effect in this run; " + version + ". Matey's "
                    + marker.get().description() + " says that `matey db " + marker.get().direction() + "` was interrupted in this section with "
                    + marker.get().done() + " statement(s) in effect, which is likely why this one failed: run `"
                    + FailureCommands.ROOT.resume(marker.get().direction()) + "` (with the target's --path or --url), which continues after "
                    + "them, rather than `matey dbmate`, which records no progress and starts the section from its "
                    + "first statement.";
        }
        return "No statement of this section took effect in this run; " + version + ". `matey dbmate`, like dbmate, "
                + "records no progress inside a section, so it cannot tell whether an earlier run that failed or was "
                + "interrupted left some of this section's statements in effect (they stay applied: "
                + whyNotRolledBack() + "): compare the database with the section's statements, then undo what is "
                + "there or make the migration idempotent" + (fix == null ? "" : "; " + fix) + ", and run again.";
    }

    /**
     * The progress marker an interrupted {@code matey db up} left in {@code section}, which dbmate's commands do not
     * keep but can point at; empty when there is none or it cannot be read (a transaction the failure aborted).
     */
    private Optional<MigrationProgress.Marker> markerOf(Migration migration, Section section) {
        try {
            return engine.progressTable().read(connection).filter(marker -> marker.version().equals(migration.version())
                    && marker.direction().equals(section.kind()));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Says why a {@code transaction:false} section was rolled back, which its directive would not suggest. */
    private static String rolledBack(Section section) {
        return "The section was rolled back" + (section.transaction() ? "" : " (transaction:false still runs its "
                + "statements in one transaction, as dbmate's one query of them does on this server)");
    }

    private String whyNotRolledBack() {
        if (!engine.transactions()) {
            return engine.id() + " has no transactions";
        }
        return engine.transactionalDdl() ? "transaction:false" : engine.id() + " commits DDL implicitly";
    }
}
