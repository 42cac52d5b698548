package io.matey.bench.replay;

import io.matey.artifact.ArtifactJournal;
import io.matey.bench.Bench;
import io.matey.bench.BenchServer;
import io.matey.bench.BenchWorkspace;
import io.matey.bench.Samples;
import io.matey.engine.LockNotices;
import io.matey.replay.ReplayOptions;
import io.matey.replay.ReplayPlanner;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pieces of a replay outside the round trips, each timed alone through matey-core's public API: planning,
 * scratch create and drop, loading an anchor checkpoint, and writing the artifacts through the journal.
 */
final class ReplayComponents {

    private static final String SCRATCH = "matey_bench_component";

    private final BenchServer server;
    private final BenchWorkspace ws;

    ReplayComponents(BenchServer server, BenchWorkspace ws) {
        this.server = server;
        this.ws = ws;
    }

    /** @param schemaSql the head schema ({@code schema.sql}), loaded as the anchor and into the dropped scratch */
    List<Samples> measure(Bench bench, String schemaSql, Map<String, byte[]> artifacts) throws Exception {
        ReplayOptions clean = new ReplayOptions(null, null, true, false);
        Samples plan = bench.measure("replay plan --clean (read + digest files)",
                () -> ReplayPlanner.plan(ws.targetConfig(), clean, "schema plan"));
        Samples create = bench.measure("scratch create (empty)", Bench.trial(() -> server.drop(SCRATCH),
                () -> server.engine().createDatabase(server.url(SCRATCH))));
        Samples load = bench.measure("anchor load (schema.sql at head)", Bench.trial(() -> server.fresh(SCRATCH),
                () -> load(schemaSql)));
        Samples loadOneTx = bench.measure("  for comparison: anchor load, one transaction",
                Bench.trial(() -> server.fresh(SCRATCH), () -> loadInOneTransaction(schemaSql)));
        Samples drop = bench.measure("scratch drop (holding the head schema)", Bench.trial(() -> {
            server.fresh(SCRATCH);
            load(schemaSql);
        }, () -> server.drop(SCRATCH)));
        Samples write = bench.measure("artifact write (" + artifacts.size() + " files, journal)",
                Bench.trial(ws::deleteArtifacts, () -> new ArtifactJournal(ws.target(), LockNotices.NONE).commit(artifacts, Set.of())));
        ws.restoreArtifacts(artifacts);
        return List.of(plan, create, load, loadOneTx, drop, write);
    }

    void cleanup() throws Exception {
        server.drop(SCRATCH);
    }

    /** As the replay loads an anchor: statement by statement on a connection in auto-commit. */
    private void load(String schemaSql) throws Exception {
        try (Connection c = server.connect(SCRATCH)) {
            server.engine().load(c, schemaSql);
        }
    }

    /** Not what the replay does: the same statements in one transaction, to show what auto-commit costs. */
    private void loadInOneTransaction(String schemaSql) throws Exception {
        try (Connection c = server.connect(SCRATCH)) {
            c.setAutoCommit(false);
            server.engine().load(c, schemaSql);
            c.commit();
        }
    }
}
