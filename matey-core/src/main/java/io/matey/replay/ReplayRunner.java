package io.matey.replay;

import io.matey.codegen.ModelGenerator;
import io.matey.engine.Engine;
import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.migration.Section;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Replays a tail of migrations on top of an anchor in a scratch database. Each migration with an executable
 * down section is checked by a round trip: up, dump (its checkpoint), down, dump (must equal the state before
 * it), up again. After a down section that did not restore that state (accepted in config.toml, or a failure
 * under {@code --keep-going}), the replay continues from the checkpoint loaded into a fresh scratch database,
 * never from what the down section left (docs/architecture.md §6). The final dump is {@code schema.sql}.
 * Generated models are rendered from the scratch database at head, before it is dropped.
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
        private ScratchDatabase scratch;
        private ScratchDatabase replacement;
        private Connection connection;
        private MigrationRunner runner;
        private final AppliedVersions versions = new AppliedVersions(engine.migrationTable());
        private boolean warnedUnchecked;

        Session(ScratchDatabase scratch, Supplier<ScratchDatabase> fresh) throws SQLException {
            this.fresh = fresh;
            this.scratch = scratch;
            open();
        }

        private void open() throws SQLException {
            connection = scratch.connect();
            runner = new MigrationRunner(engine, connection, scratch.whereSectionsRan());
        }

        /** Continues in a fresh scratch database holding {@code checkpoint}. */
        void restore(String checkpoint) throws SQLException {
            connection.close();
            if (replacement != null) {
                replacement.close();
            }
            replacement = fresh.get();
            scratch = replacement;
            versions.forget();
            open();
            load(connection, checkpoint);
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

        @Override
        public void close() throws SQLException {
            connection.close();
            if (replacement != null) {
                replacement.close();
            }
        }
    }

    /**
     * @param scratch   the scratch database leased for the replay (the caller closes it)
     * @param fresh     leases another, empty scratch database on the same server (closed here)
     * @param anchorSql the checkpoint the tail starts from, or null to start from an empty database
     */
    public ReplayResult run(ScratchDatabase scratch, Supplier<ScratchDatabase> fresh, String anchorSql,
            List<Migration> tail, DownChecks downs) {
        try (Session session = new Session(scratch, fresh)) {
            if (anchorSql != null && !scratch.holdsAnchor()) {
                load(session.connection, anchorSql);
            }
            engine.migrationTable().ensure(session.connection);
            String before = session.dump();
            for (Migration migration : tail) {
                String checkpoint;
                try {
                    checkpoint = replayOne(session, migration, before, downs);
                } catch (MateyException e) {
                    throw downs.stopped(e);
                }
                checkpoints.accept(migration, checkpoint);
                before = checkpoint;
            }
            String schema = tail.isEmpty() ? before : session.dump();
            if (!schema.equals(before)) {
                Migration last = tail.get(tail.size() - 1);
                throw downs.stopped(new MateyException("Re-applying " + last.file() + " after its down section gives "
                        + "a different schema than its first application:\n"
                        + SchemaDiff.unified(before, schema, "first-up/schema.sql", "re-up/schema.sql")));
            }
            Map<String, byte[]> generated = Map.of();
            if (codegen.isPresent()) {
                generated = codegen.get().generate(engine, session.connection);
            }
            return new ReplayResult(session.scratch.url(), schema, downs.checked(), downs.skipped(),
                    downs.accepted(), downs.failures(), generated);
        } catch (SQLException e) {
            throw new MateyException("Replay on scratch database " + scratch.url() + " failed: "
                    + engine.maskedFailure(e), e);
        }
    }

    private void load(Connection connection, String anchorSql) throws SQLException {
        try {
            engine.loadAtomically(connection, anchorSql);
        } catch (SQLException e) {
            throw new MateyException("replay load anchor failed: " + engine.failureSentence(e)
                    + " Re-run with --clean to replay from an empty database.", e);
        }
    }

    private String replayOne(Session session, Migration migration, String before, DownChecks downs)
            throws SQLException {
        long started = System.nanoTime();
        apply(() -> session.up(migration), "replay");
        String checkpoint = dumpAfter(session::dump, migration.file());
        boolean reversible = migration.script().down().isExecutable(engine.dialect());
        String verdict = "down skipped";
        if (!reversible) {
            downs.skipped(migration.file());
        } else {
            if (!roundTrip(session, migration, before, downs)) {
                session.restore(checkpoint);
            }
            verdict = downs.verdict(migration.file());
        }
        progress.accept(String.format("%s  %s  %d ms", migration.file(), verdict,
                (System.nanoTime() - started) / 1_000_000));
        return checkpoint;
    }

    /** Down, dump, compare, up again; false when the down section did not restore {@code before}. */
    private boolean roundTrip(Session session, Migration migration, String before, DownChecks downs)
            throws SQLException {
        try {
            apply(() -> session.down(migration), "down-roundtrip");
        } catch (MigrationFailedException e) {
            downs.failedToRun(migration.file(), e);
            return false;
        }
        // The diff leaves the migrations block out, so the state after the down section is dumped without it: the
        // block lists every version so far, and reading it here would make each round trip grow with the history.
        String diff = SchemaDiff.unified(before, dumpAfter(session::schema, "the down section of " + migration.file()),
                "before/schema.sql", "after-down/schema.sql");
        if (downs.roundTrip(migration.file(), diff)) {
            return false;
        }
        apply(() -> session.up(migration), "down-roundtrip reapply");
        return true;
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
