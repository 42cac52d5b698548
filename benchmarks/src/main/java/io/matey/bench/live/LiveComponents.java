package io.matey.bench.live;

import io.matey.artifact.CheckpointFile;
import io.matey.artifact.LockState;
import io.matey.artifact.Snapshot;
import io.matey.bench.Bench;
import io.matey.bench.BenchServer;
import io.matey.bench.BenchWorkspace;
import io.matey.bench.Samples;
import io.matey.live.LiveDatabase;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.util.List;

/**
 * The pieces of {@code db up} and {@code db bootstrap} besides the migrations, each timed alone: creating the
 * database, reading the artifacts ({@code db status} does that, then connects and reads the versions), the
 * verification dump, and loading {@code schema.sql} in one transaction. Reading the artifacts is split into
 * reading the files and checking them (digests and coherence), as {@code LiveTarget.read} does.
 */
final class LiveComponents {

    private static final String SCRATCH = "matey_bench_component";

    private final BenchServer server;
    private final BenchWorkspace ws;
    private long checkpointBytes;

    LiveComponents(BenchServer server, BenchWorkspace ws) {
        this.server = server;
        this.ws = ws;
    }

    /** @param headDatabase a database at head, as the last {@code db up} left it */
    List<Samples> measure(Bench bench, String headDatabase, String schemaSql) throws Exception {
        Samples create = bench.measure("create database (empty)", Bench.trial(() -> server.drop(SCRATCH),
                () -> server.engine().createDatabase(server.url(SCRATCH))));
        String headUrl = server.url(headDatabase).raw();
        Samples status = bench.measure("db status (artifacts read, connect, versions)",
                () -> new LiveDatabase(ws.env(), line -> { }).status(ws.targetConfig(), headUrl));
        Snapshot[] snapshot = new Snapshot[1];
        Samples read = bench.measure("  of which: Snapshot.ofWorktree (read files)",
                () -> snapshot[0] = Snapshot.ofWorktree(ws.target(), BenchWorkspace.TARGET));
        Samples check = bench.measure("  of which: LockState.of (digests, coherence)", () -> LockState.of(snapshot[0]));
        checkpointBytes = snapshot[0].checkpoints().values().stream().mapToLong(CheckpointFile::size).sum();
        Samples dump;
        try (Connection c = server.connect(headDatabase)) {
            dump = bench.measure("verification dump (SchemaDump.dump at head)", () -> SchemaDump.dump(server.engine(), c));
        }
        Samples load = bench.measure("schema.sql load, one transaction", Bench.trial(() -> server.fresh(SCRATCH), () -> {
            try (Connection c = server.connect(SCRATCH)) {
                c.setAutoCommit(false);
                server.engine().load(c, schemaSql);
                c.commit();
            }
        }));
        return List.of(create, status, read, check, dump, load);
    }

    /** The size of all checkpoints, which every live command reads and digests. */
    long checkpointBytes() {
        return checkpointBytes;
    }

    void cleanup() throws Exception {
        server.drop(SCRATCH);
    }
}
