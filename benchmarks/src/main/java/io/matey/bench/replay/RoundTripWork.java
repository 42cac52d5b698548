package io.matey.bench.replay;

import io.matey.bench.Bench;
import io.matey.bench.BenchServer;
import io.matey.bench.DirectSql;
import io.matey.bench.GeneratedMigration;
import io.matey.bench.Phases;
import io.matey.bench.Samples;
import io.matey.engine.Engine;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.util.List;

/**
 * The work a clean replay cannot avoid, measured directly: for each migration over one connection in a fresh
 * database, up (with its version row), canonical dump, down, dump, compare, up again. Summed per part; the
 * figure is the sum of the parts ({@link #totals}), not the wall time, which also counts connecting.
 */
final class RoundTripWork implements Bench.Trial {

    static final String DATABASE = "matey_bench_roundtrip";
    private static final String RECORD = "INSERT INTO schema_migrations (version) VALUES (?)";
    private static final String REMOVE = "DELETE FROM schema_migrations WHERE version = ?";

    private final BenchServer server;
    private final List<GeneratedMigration> chain;
    private final Phases.Log log = new Phases.Log();

    RoundTripWork(BenchServer server, List<GeneratedMigration> chain) {
        this.server = server;
        this.chain = chain;
    }

    @Override
    public void prepare() throws Exception {
        server.fresh(DATABASE);
    }

    @Override
    public void run() throws Exception {
        Engine engine = server.engine();
        Phases phases = new Phases();
        try (Connection c = server.connect(DATABASE)) {
            engine.migrationTable().ensure(c);
            String before = SchemaDump.dump(engine, c);
            for (GeneratedMigration m : chain) {
                phases.time("up", () -> DirectSql.section(c, m.up(), RECORD, m.version()));
                String after = phases.time("dump after up", () -> SchemaDump.dump(engine, c));
                phases.time("down", () -> DirectSql.section(c, m.down(), REMOVE, m.version()));
                String rolledBack = phases.time("dump after down", () -> SchemaDump.dump(engine, c));
                if (!SchemaDump.sameSchema(rolledBack, before)) {
                    throw new IllegalStateException("down section of " + m.fileName() + " does not undo its up");
                }
                phases.time("up again", () -> DirectSql.section(c, m.up(), RECORD, m.version()));
                before = after;
            }
        }
        log.add(phases);
    }

    /** The parts of the timed runs (the warm-up left out). */
    List<Phases> timedPhases() {
        return log.timed();
    }

    /** The figure: the sum of the parts of each timed run. */
    Samples totals(String label) {
        return new Samples(label, log.timed().stream().map(Phases::total).toList());
    }
}
