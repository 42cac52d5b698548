package io.matey.replay;

import io.matey.MateyException;
import io.matey.codegen.ModelGenerator;
import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replays a tail of migrations on top of an anchor in one scratch database. Each migration with an executable
 * down section is checked by a round trip: up, dump (its checkpoint), down, dump (must equal the state before
 * it), up again. The final dump is {@code schema.sql}. Generated models are rendered from the same scratch
 * database at head, before it is dropped.
 */
public final class ReplayRunner {

    private final Engine engine;
    private final Function<Migration, String> checkpointPath;
    private final Consumer<String> progress;
    private final Optional<ModelGenerator> codegen;

    /**
     * @param checkpointPath maps a migration to its checkpoint file
     * @param progress       receives one line per replayed migration
     * @param codegen        the target's model generator, empty when it generates none (or for a plan)
     */
    public ReplayRunner(Engine engine, Function<Migration, String> checkpointPath, Consumer<String> progress,
            Optional<ModelGenerator> codegen) {
        this.engine = engine;
        this.checkpointPath = checkpointPath;
        this.progress = progress;
        this.codegen = codegen;
    }

    /**
     * @param anchorSql the checkpoint the tail starts from, or null to start from an empty database
     */
    public ReplayResult run(ScratchDatabase scratch, String anchorSql, List<Migration> tail) {
        try (Connection connection = scratch.connect()) {
            if (anchorSql != null && !scratch.holdsAnchor()) {
                load(connection, anchorSql);
            }
            engine.migrationTable().ensure(connection);
            String before = SchemaDump.dump(engine, connection);
            MigrationRunner runner = new MigrationRunner(engine, connection);
            Map<String, String> checkpoints = new LinkedHashMap<>();
            List<String> checked = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (Migration migration : tail) {
                String checkpoint = replayOne(connection, runner, migration, before, checked, skipped);
                checkpoints.put(checkpointPath.apply(migration), checkpoint);
                before = checkpoint;
            }
            String schema = tail.isEmpty() ? before : SchemaDump.dump(engine, connection);
            if (!schema.equals(before)) {
                Migration last = tail.get(tail.size() - 1);
                throw new MateyException("Re-applying " + last.file() + " after its down section gives a different "
                        + "schema than its first application:\n"
                        + SchemaDiff.unified(before, schema, "first-up/schema.sql", "re-up/schema.sql"));
            }
            Map<String, byte[]> generated = Map.of();
            if (codegen.isPresent()) {
                generated = codegen.get().generate(engine, connection);
                progress.accept("Codegen: " + codegen.get().destination());
            }
            return new ReplayResult(scratch.url(), schema, checkpoints, checked, skipped, generated);
        } catch (SQLException e) {
            throw new MateyException("Replay on scratch database " + scratch.url() + " failed: "
                    + MateyUrl.mask(e.getMessage()), e);
        }
    }

    private void load(Connection connection, String anchorSql) throws SQLException {
        try {
            engine.loadAtomically(connection, anchorSql);
        } catch (SQLException e) {
            throw new MateyException("replay load anchor failed: " + MateyUrl.mask(e.getMessage())
                    + ". Re-run with --clean to replay from an empty database.", e);
        }
    }

    private String replayOne(Connection connection, MigrationRunner runner, Migration migration, String before,
            List<String> checked, List<String> skipped) throws SQLException {
        long started = System.nanoTime();
        apply(() -> runner.up(migration), "replay");
        String checkpoint = dumpAfter(connection, migration.file());
        boolean reversible = migration.script().down().isExecutable(engine.dialect());
        if (reversible) {
            apply(() -> runner.down(migration), "down-roundtrip");
            String rolledBack = dumpAfter(connection, "the down section of " + migration.file());
            if (!SchemaDump.sameSchema(rolledBack, before)) {
                throw new MateyException("Down roundtrip mismatch for " + migration.file()
                        + ": rollback state differs from the state before the migration. Make its down section "
                        + "undo exactly what its up section does.\n"
                        + SchemaDiff.unified(before, rolledBack, "before/schema.sql", "after-down/schema.sql"));
            }
            apply(() -> runner.up(migration), "down-roundtrip reapply");
            checked.add(migration.file());
        } else {
            skipped.add(migration.file());
        }
        progress.accept(String.format("%s  %s  %d ms", migration.file(), reversible ? "down checked" : "down skipped",
                (System.nanoTime() - started) / 1_000_000));
        return checkpoint;
    }

    /** Dumps the schema; a schema the dump cannot write names the migration that made it so. */
    private String dumpAfter(Connection connection, String what) {
        try {
            return SchemaDump.dump(engine, connection);
        } catch (SQLException e) {
            throw new MateyException("Cannot write the schema after " + what + ": " + MateyUrl.mask(e.getMessage()), e);
        }
    }

    private interface Step {
        Object run() throws SQLException;
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
