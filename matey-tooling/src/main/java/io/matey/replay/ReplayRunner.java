package io.matey.replay;

import io.matey.codegen.ModelGenerator;
import io.matey.engine.Engine;
import io.matey.engine.EngineToolings;
import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.log.SectionProgress;
import io.matey.migration.Migration;
import io.matey.migration.Section;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Replays a tail of migrations on top of an anchor in a scratch database. Each migration with an executable
 * down section is checked by a round trip: up, dump (its checkpoint), down, dump (must equal the state before
 * it), up again (must give the checkpoint's state; mostly the next round trip compares it). After a down section that did not restore that state (accepted in config.toml, or a failure
 * under {@code --keep-going}), the replay continues from a copy of the database taken before an accepted down
 * section, rows included, where the engine copies databases, else from a fresh scratch database holding the
 * checkpoint: loaded, or built by the up sections so far where they may have written rows or its text cannot show
 * state the tail depends on; never from what the down section left (docs/architecture.md §6). The final dump is {@code schema.sql}.
 * Generated models are rendered from the scratch database at head, before it is dropped, or where the engine's codegen
 * asks for it from a load of the final dump ({@link #generate}).
 */
public final class ReplayRunner {

    private final Engine engine;
    private final BiConsumer<Migration, String> checkpoints;
    private final Consumer<String> progress;
    private final Optional<ModelGenerator> codegen;

    /**
     * @param checkpoints    receives each migration's checkpoint as soon as it is dumped
     * @param progress       receives one line per replayed migration
     * @param codegen        the target's model generator, empty when it generates none
     */
    public ReplayRunner(Engine engine, BiConsumer<Migration, String> checkpoints, Consumer<String> progress,
            Optional<ModelGenerator> codegen) {
        this.engine = engine;
        this.checkpoints = checkpoints;
        this.progress = progress;
        this.codegen = codegen;
    }

    /** The scratch database a replay is working in; replaced when a checkpoint is restored. */
    private final class Session implements AutoCloseable {

        private final Supplier<ScratchDatabase> fresh;
        private final String anchorSql;
        private final List<Migration> anchorRun;
        private final List<Migration> tail;
        private ScratchDatabase scratch;
        private ScratchDatabase replacement;
        /** The database as it was before {@link #copiedBefore}'s down section, rows included; null when none. */
        private ScratchDatabase copy;
        private Migration copiedBefore;
        private Connection connection;
        private MigrationRunner runner;
        private final AppliedVersions versions = new AppliedVersions(engine.migrationTable());
        private boolean warnedUnchecked;

        Session(ScratchDatabase scratch, Supplier<ScratchDatabase> fresh, String anchorSql, List<Migration> anchorRun,
                List<Migration> tail) throws SQLException {
            this.fresh = fresh;
            this.anchorSql = anchorSql;
            this.anchorRun = anchorRun;
            this.tail = tail;
            this.scratch = scratch;
            open();
        }

        private void open() throws SQLException {
            connection = scratch.connect();
            runner = new MigrationRunner(engine, connection, scratch.whereSectionsRan());
        }

        /**
         * Continues in a scratch database holding the state after {@code through}'s up section: the copy taken before
         * its down section ({@link #copyBeforeDown}), else {@code checkpoint} in a fresh one, loaded, or built by the
         * up sections where its text cannot show state the rest of the tail depends on, as the anchor is, or rows
         * those up sections may have written (docs/architecture.md §6).
         */
        void restore(String checkpoint, Migration through) throws SQLException {
            if (through == copiedBefore) {
                continueIn(copy);
                copy = null;
                copiedBefore = null;
                return;
            }
            continueIn(fresh.get());
            List<Migration> ups = upsSoFar(through);
            Optional<String> why = unloadable(ups, through);
            Optional<String> unrecreatable = why.isPresent() ? accountsUnrecreatable(ups) : Optional.empty();
            if (unrecreatable.isPresent()) {
                progress.accept(through.file() + "  restored by loading its checkpoint, though " + why.get()
                        + ": the accounts its up sections create could not be created again " + unrecreatable.get());
                why = Optional.empty();
            }
            if (why.isEmpty()) {
                load(connection, checkpoint);
                return;
            }
            long started = System.nanoTime();
            if (anchorSql != null && anchorRun.isEmpty()) {
                load(connection, anchorSql);
            }
            engine.migrationTable().ensure(connection);
            for (Migration migration : ups) {
                apply(() -> up(migration), "replay");
            }
            progress.accept(String.format("%s  restored by its up sections, not loaded: %s  %d ms", through.file(),
                    why.get(), (System.nanoTime() - started) / 1_000_000));
        }

        private void continueIn(ScratchDatabase next) throws SQLException {
            connection.close();
            if (replacement != null) {
                replacement.close();
            }
            replacement = next;
            scratch = next;
            versions.forget();
            open();
        }

        /**
         * Copies the database, rows included, before {@code migration}'s accepted down section, where the engine
         * copies databases: a restore after it then gives the state the up sections left, where the checkpoint's
         * text would lose the rows that migrations inserted, which later ones may depend on (docs/architecture.md §6).
         */
        void copyBeforeDown(Migration migration) throws SQLException {
            if (!engine.copiesDatabases()) {
                return;
            }
            connection.close();
            try {
                copy = scratch.copy();
                copiedBefore = migration;
            } finally {
                open();
            }
        }

        /** Drops a copy no restore took (the down section turned out exact). */
        void dropCopy() {
            if (copy != null) {
                copy.close();
                copy = null;
                copiedBefore = null;
            }
        }

        /**
         * Why the accounts {@code ups} create cannot be created again; empty when they can, those this process created
         * being dropped first ({@link ScratchDatabase#recreatable}), as the server keeps them from their first run. A
         * drop the server refuses (PostgreSQL: the replay's first scratch database still holds what they own or were
         * granted) leaves them.
         */
        private Optional<String> accountsUnrecreatable(List<Migration> ups) {
            List<Section> creating = ups.stream().map(m -> m.script().up())
                    .filter(up -> !engine.serverRoles().creates(up).isEmpty()).toList();
            try {
                return creating.isEmpty() || scratch.recreatable(creating) ? Optional.empty()
                        : Optional.of("without the test server's roles lock");
            } catch (SQLException e) {
                return Optional.of("as dropping them failed: " + engine.failureSentence(e));
            }
        }

        /** The up sections that build the state after {@code through}: the anchor run's and the tail's so far. */
        private List<Migration> upsSoFar(Migration through) {
            List<Migration> ups = new ArrayList<>(anchorRun);
            ups.addAll(tail.subList(0, tail.indexOf(through) + 1));
            return ups;
        }

        /**
         * Why the checkpoint after {@code ups}, the last being {@code through}, is not the state to continue from:
         * its text cannot show state the rest of the tail depends on, or the up sections may have written rows,
         * which no checkpoint holds and later migrations may fail on; empty when loading it is faithful.
         */
        private Optional<String> unloadable(List<Migration> ups, Migration through) {
            List<Section> built = ups.stream().map(m -> m.script().up()).toList();
            if (RowWrites.mayWrite(built, engine.dialect())) {
                return Optional.of("its checkpoint holds none of the rows its up sections may write");
            }
            int end = tail.indexOf(through) + 1;
            List<Section> rest = new ArrayList<>();
            tail.subList(end, tail.size()).forEach(m -> rest.addAll(List.of(m.script().up(), m.script().down())));
            return engine.dumpHidesStateFor(built, rest)
                    ? Optional.of("its checkpoint cannot show state the tail depends on") : Optional.empty();
        }

        String dump() throws SQLException {
            return SchemaDump.dump(engine, connection, versions.current(connection));
        }

        void up(Migration migration) throws SQLException {
            Section up = migration.script().up();
            cacheAsLiveMay(migration, up);
            scratch.runUp(up, connection, marking -> versions.run(up.sql(), true, migration.version(),
                    () -> runner.up(migration, marking)));
        }

        void down(Migration migration) throws SQLException {
            Section down = migration.script().down();
            cacheAsLiveMay(migration, down);
            versions.run(down.sql(), false, migration.version(), () -> runner.down(migration));
        }

        /**
         * Leaves the server's caches as a live database's may be before {@code section} runs ({@link
         * Engine#cacheAsLiveMay}); when it cannot, warns once per replay, naming the first migration left unchecked.
         */
        private void cacheAsLiveMay(Migration migration, Section section) throws SQLException {
            Optional<String> unchecked = engine.cacheAsLiveMay(connection, section);
            if (unchecked.isPresent() && !warnedUnchecked) {
                warnedUnchecked = true;
                ScratchCollector.notice("warning: " + migration.file() + ": " + unchecked.get());
            }
        }

        /** The schema without the migrations block, which comparisons ignore: schema_migrations is not read. */
        String schema() throws SQLException {
            return engine.dumpSchema(connection);
        }

        Optional<Map<String, Long>> rowCounts() throws SQLException {
            return RowCounts.of(engine, connection);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
            dropCopy();
            if (replacement != null) {
                replacement.close();
            }
        }
    }

    /**
     * @param scratch   the scratch database leased for the replay (the caller closes it)
     * @param fresh     leases another, empty scratch database on the same server (closed here)
     * @param anchorSql the checkpoint the tail starts from, or null to start from an empty database
     * @param anchorRun the migrations whose up sections build the state the tail starts from instead of a
     *                  checkpoint, when its text cannot show state the tail depends on (docs/architecture.md §6)
     */
    public ReplayResult run(ScratchDatabase scratch, Supplier<ScratchDatabase> fresh, String anchorSql,
            List<Migration> anchorRun, List<Migration> tail, DownChecks downs) {
        try (Session session = new Session(scratch, fresh, anchorSql, anchorRun, tail)) {
            if (anchorSql != null && !scratch.holdsAnchor()) {
                load(session.connection, anchorSql);
            }
            engine.migrationTable().ensure(session.connection);
            runAnchor(session, anchorRun);
            String before = session.dump();
            Migration reapplied = null;
            for (Migration migration : tail) {
                Replayed replayed;
                try {
                    if (reapplied != null && !revealsReapplied(migration, downs)) {
                        compareReapplied(session, reapplied, before, downs);
                        reapplied = null;
                    }
                    replayed = replayOne(session, migration, before, reapplied, downs);
                } catch (MateyException e) {
                    throw downs.stopped(e);
                }
                checkpoints.accept(migration, replayed.checkpoint());
                before = replayed.checkpoint();
                reapplied = replayed.reapplied() ? migration : null;
            }
            String schema = tail.isEmpty() ? before : session.dump();
            if (reapplied != null) {
                try {
                    downs.reapplied(reapplied.file(), reapplyDiff(before, schema));
                } catch (MateyException e) {
                    throw downs.stopped(e);
                }
                schema = before;
            }
            Map<String, byte[]> generated = Map.of();
            if (codegen.isPresent()) {
                generated = generate(session, schema, tail.isEmpty() && anchorRun.isEmpty());
            }
            return new ReplayResult(session.scratch.url(), schema, downs.checked(), downs.skipped(),
                    downs.accepted(), downs.failures(), generated,
                    engine.serverProfile(session.connection).orElse(null));
        } catch (SQLException e) {
            throw new MateyException("Replay on scratch database " + scratch.url() + " failed: "
                    + engine.maskedFailure(e), e);
        }
    }

    /**
     * The models of {@code schemaSql}: read from the session's database, or, where the engine's codegen reads a load
     * of schema.sql ({@link io.matey.codegen.CodegenDialect#readsLoadedSchema}), from an empty scratch database it is
     * loaded into, unless the session holds such a load already ({@code sessionIsLoad}: the anchor loaded, nothing
     * replayed on it), so that an incremental replay and {@code --clean} generate the same files (docs/architecture.md §3).
     */
    private Map<String, byte[]> generate(Session session, String schemaSql, boolean sessionIsLoad) throws SQLException {
        if (sessionIsLoad || !EngineToolings.of(engine).codegen().readsLoadedSchema()) {
            return codegen.get().generate(engine, session.connection);
        }
        try (ScratchDatabase loaded = session.fresh.get(); Connection connection = loaded.connect()) {
            try {
                engine.migrationTable().ensure(connection);
                engine.loadAtomically(connection, schemaSql);
            } catch (SQLException e) {
                throw new MateyException("Codegen cannot load schema.sql into an empty scratch database: "
                        + engine.failureSentence(e), e);
            }
            return codegen.get().generate(engine, connection);
        }
    }

    private void runAnchor(Session session, List<Migration> anchorRun) throws SQLException {
        if (anchorRun.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        for (Migration migration : anchorRun) {
            SectionProgress.starting(progress, migration.file(), "up");
            apply(() -> session.up(migration), "replay");
        }
        progress.accept(String.format("%s  anchor run, not loaded: its checkpoint cannot show state the tail depends "
                + "on  %d ms", anchorRun.get(anchorRun.size() - 1).file(), (System.nanoTime() - started) / 1_000_000));
    }

    private void load(Connection connection, String anchorSql) throws SQLException {
        try {
            engine.loadAtomically(connection, anchorSql);
        } catch (SQLException e) {
            throw new MateyException("replay load anchor failed: " + engine.failureSentence(e)
                    + " Re-run with --clean to replay from an empty database.", e);
        }
    }

    /**
     * One migration's replay.
     *
     * @param checkpoint the migration's checkpoint
     * @param reapplied  whether the session holds the state of its second up, not yet compared with the first's
     */
    private record Replayed(String checkpoint, boolean reapplied) {
    }

    /**
     * Up, dump, and the down round trip when the migration has a down section.
     *
     * @param reapplied the migration before, when the session holds the state of its second up unchecked: a
     *                  round trip failing here may be its fault, and is then replayed from its checkpoint
     */
    private Replayed replayOne(Session session, Migration migration, String before, Migration reapplied,
            DownChecks downs) throws SQLException {
        long started = System.nanoTime();
        SectionProgress.starting(progress, migration.file(), "up");
        apply(() -> session.up(migration), "replay");
        String checkpoint = dumpAfter(session::dump, migration.file());
        boolean reversible = migration.script().down().isExecutable(engine.dialect());
        String verdict = "down skipped";
        boolean unchecked = false;
        if (!reversible) {
            downs.skipped(migration.file());
        } else {
            MigrationFailedException failed = null;
            String diff = "";
            Optional<Map<String, Long>> rows = RowWrites.mayWrite(List.of(migration.script().up()), engine.dialect())
                    ? session.rowCounts() : Optional.empty();
            if (downs.accepts(migration.file())) {
                session.copyBeforeDown(migration);
            }
            try {
                SectionProgress.starting(progress, migration.file(), "down");
                apply(() -> session.down(migration), "down-roundtrip");
                // The diff leaves the migrations block out, so the state after the down section is dumped without
                // it: the block lists every version so far, and reading it here would make each round trip grow
                // with the history.
                diff = SchemaDiff.unified(before, dumpAfter(session::schema, "the down section of "
                        + migration.file()), "before/schema.sql", "after-down/schema.sql");
            } catch (MigrationFailedException e) {
                failed = e;
            }
            if ((failed != null || !diff.isEmpty()) && reapplied != null
                    && reapplyDiffers(session, reapplied, before, downs)) {
                session.restore(before, reapplied);
                return replayOne(session, migration, before, null, downs);
            }
            unchecked = judge(session, migration, checkpoint, failed, diff, rows, downs);
            session.dropCopy();
            verdict = downs.verdict(migration.file());
        }
        progress.accept(String.format("%s  %s  %d ms", migration.file(), verdict,
                (System.nanoTime() - started) / 1_000_000));
        return new Replayed(checkpoint, unchecked);
    }

    /**
     * Judges a round trip and finishes it: up again after a down section that restored the state before, else
     * the checkpoint loaded afresh. The row counts of the second up are compared with the first's at once, the
     * state's only for an accepted migration, whose acceptance it decides; any other's is left to the next migration
     * ({@link #revealsReapplied}).
     *
     * @param rows the row counts after the first up section, where it may write rows and the engine counts them
     * @return true when the session holds the state of the second up, not yet compared with the first's
     */
    private boolean judge(Session session, Migration migration, String checkpoint, MigrationFailedException failed,
            String diff, Optional<Map<String, Long>> rows, DownChecks downs) throws SQLException {
        if (failed != null) {
            downs.failedToRun(migration.file(), failed);
        } else if (!downs.roundTrip(migration.file(), diff)) {
            SectionProgress.starting(progress, migration.file(), "up again");
            apply(() -> session.up(migration), "down-roundtrip reapply");
            String counts = rows.isEmpty() ? "" : RowCounts.changed(rows.get(), session.rowCounts().orElseThrow());
            if (!counts.isEmpty()) {
                downs.rowsChanged(migration.file(), counts);
            } else if (!downs.accepts(migration.file())) {
                return true;
            } else {
                downs.reapplied(migration.file(), reapplyDiff(checkpoint, dumpAfter(session::schema, "re-applying "
                        + migration.file())));
            }
        }
        session.restore(checkpoint, migration);
        return false;
    }

    /**
     * Whether {@code next}'s round trip compares the state that a second up left with what it should be, cheaply:
     * its down section runs and must restore that state, or fail. A migration without one, or accepted as
     * inexact, tells nothing, so the state is dumped and compared before it (docs/architecture.md §6).
     */
    private boolean revealsReapplied(Migration next, DownChecks downs) {
        return next.script().down().isExecutable(engine.dialect()) && !downs.accepts(next.file());
    }

    /** Compares the state of {@code migration}'s second up with its first's; a different one is left for the checkpoint. */
    private void compareReapplied(Session session, Migration migration, String checkpoint, DownChecks downs)
            throws SQLException {
        String schema = dumpAfter(session::schema, "re-applying " + migration.file());
        if (downs.reapplied(migration.file(), reapplyDiff(checkpoint, schema))) {
            session.restore(checkpoint, migration);
        }
    }

    /**
     * After a round trip that failed on the state {@code previous}'s second up left: whether that state was at
     * fault, found by its down and up again over its checkpoint, which is all that a failure costs.
     */
    private boolean reapplyDiffers(Session session, Migration previous, String checkpoint, DownChecks downs)
            throws SQLException {
        session.restore(checkpoint, previous);
        apply(() -> session.down(previous), "down-roundtrip");
        apply(() -> session.up(previous), "down-roundtrip reapply");
        String schema = dumpAfter(session::schema, "re-applying " + previous.file());
        return downs.reapplied(previous.file(), reapplyDiff(checkpoint, schema));
    }

    private static String reapplyDiff(String firstUp, String reUp) {
        return SchemaDiff.unified(firstUp, reUp, "first-up/schema.sql", "re-up/schema.sql");
    }

    private interface Dump {
        String take() throws SQLException;
    }

    /** Dumps the schema; a schema the dump cannot write names the migration that made it so. */
    private String dumpAfter(Dump dump, String what) {
        try {
            return dump.take();
        } catch (SQLException e) {
            throw new MateyException("Cannot write the schema after " + what + ": " + engine.maskedFailure(e), e);
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void apply(Step step, String context) throws SQLException {
        try {
            step.run();
        } catch (MigrationFailedException e) {
            throw new MigrationFailedException(e.file(), e.section(), e.line(), context + " failed: " + e.getMessage(),
                    e.getCause());
        }
    }
}
