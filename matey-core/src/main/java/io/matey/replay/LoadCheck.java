package io.matey.replay;

import io.matey.artifact.Snapshot;
import io.matey.engine.Engine;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Proves that a replay's {@code schema.sql} loads into an empty database and dumps back to itself, where the engine's
 * dump is no fixed point by construction ({@link Engine#checksDumpLoads}): the server may keep an object that its own
 * text cannot create again, which {@code db bootstrap} and every later replay's anchor would then fail to load. When
 * the head does not load, the tail's checkpoints are bisected for the first migration after which the schema stopped
 * loading, a load per step (docs/architecture.md §6).
 */
public final class LoadCheck {

    private final Engine engine;
    private final Supplier<ScratchDatabase> fresh;

    /** @param fresh leases an empty scratch database on the replay's server */
    LoadCheck(Engine engine, Supplier<ScratchDatabase> fresh) {
        this.engine = engine;
        this.fresh = fresh;
    }

    /**
     * Fails, naming the migration, the object and the server's error, when {@code schemaSql} does not load or its load
     * dumps otherwise.
     *
     * @param tail        the migrations replayed
     * @param checkpoints the text of each of their checkpoints, by path (the replay's CheckpointSink)
     * @param anchorRun   whether the anchor was run rather than loaded, so not proven to load
     * @param command     the command, for the message
     */
    void require(String schemaSql, List<Migration> tail, UnaryOperator<String> checkpoints, boolean anchorRun,
            String command) {
        Loaded head = load(schemaSql, true);
        if (head.failure().isEmpty()) {
            if (!SchemaDump.sameSchema(schemaSql, head.dump())) {
                throw new MateyException("schema.sql does not dump back to itself once loaded into an empty database, so "
                        + command + " writes nothing: a load of it builds a schema that differs from the migrations'"
                        + " (bootstrapped databases would show drift):\n"
                        + SchemaDiff.unified(SchemaDump.withoutMigrations(schemaSql), head.dump(), "replay/schema.sql", "loaded/schema.sql"));
            }
            return;
        }
        int low = 0;
        int high = tail.size() - 1;
        String failure = head.failure().get();
        while (low < high) {
            int middle = (low + high) / 2;
            String checkpoint = checkpoints.apply(Snapshot.checkpointPathFor(tail.get(middle).file()));
            Optional<String> failed = load(checkpoint, false).failure();
            if (failed.isPresent()) {
                high = middle;
                failure = failed.get();
            } else {
                low = middle + 1;
            }
        }
        String culprit = tail.get(high).file();
        String earlier = high == 0 && anchorRun ? " (or a migration before it, which this replay ran rather than "
                + "loaded: schema apply --clean tells)" : "";
        throw new MateyException("schema.sql would not load into an empty database, so " + command
                + " writes nothing: the schema stopped loading after " + culprit + earlier + ", whose checkpoint fails: "
                + failure + " The server accepted " + culprit + " but cannot create what it left from its own text, so"
                + " db bootstrap and every later replay would fail. Change " + culprit + ", or add a migration after it,"
                + " so that the object is written again in a form that loads (e.g. drop and recreate a view or"
                + " materialized view after renaming or dropping what it reads; set a column default again after"
                + " renaming the sequence it calls), then run " + command + " again.");
    }

    /** @param failure the server's error, empty when the text loaded; @param dump the load's dump, when asked */
    private record Loaded(Optional<String> failure, String dump) {
    }

    /**
     * Why {@code text} does not load into an empty scratch database that {@code fresh} leases; empty when it loads
     * ({@code db drift} asks it of a live schema, docs/architecture.md §7).
     */
    public static Optional<String> loadFailure(Engine engine, Supplier<ScratchDatabase> fresh, String text) {
        return new LoadCheck(engine, fresh).load(text, false).failure();
    }

    private Loaded load(String text, boolean dump) {
        try (ScratchDatabase scratch = fresh.get(); Connection connection = scratch.connect()) {
            try {
                // as in a replay's scratch and an unapplied database db bootstrap accepts: every engine's migrations
                // block creates the table IF NOT EXISTS, so an object reading it (a ClickHouse view) loads before it
                engine.migrationTable().ensure(connection);
                engine.loadAtomically(connection, text);
            } catch (SQLException e) {
                return new Loaded(Optional.of(engine.failureSentence(e)), null);
            }
            return new Loaded(Optional.empty(), dump ? engine.dumpSchema(connection) : null);
        } catch (SQLException e) {
            throw new MateyException("Cannot dump the schema loaded into scratch database: " + engine.maskedFailure(e),
                    e);
        }
    }
}
