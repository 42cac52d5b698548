package io.matey.bench.live;

import io.matey.bench.Bench;
import io.matey.bench.BenchServer;
import io.matey.bench.BenchWorkspace;
import io.matey.bench.Phases;
import io.matey.live.LiveChange;
import io.matey.live.LiveDatabase;
import java.util.List;

/**
 * {@code db up} or {@code db bootstrap} through matey-core's live API on a database that does not exist yet (the
 * command creates it, as {@code dbmate up} does), checked to reach head; {@code db up} runs are split into the
 * migrations (statements and version rows, as the command times them) and everything else.
 */
final class LiveTrial implements Bench.Trial {

    static final String MIGRATIONS = "migrations: sections + version rows";
    static final String REST = "rest: create, artifacts, lock, verify";

    private final BenchServer server;
    private final BenchWorkspace ws;
    private final String database;
    private final boolean bootstrap;
    private final int head;
    private final Phases.Log log = new Phases.Log();

    LiveTrial(BenchServer server, BenchWorkspace ws, String database, boolean bootstrap, int head) {
        this.server = server;
        this.ws = ws;
        this.database = database;
        this.bootstrap = bootstrap;
        this.head = head;
    }

    @Override
    public void prepare() throws Exception {
        server.drop(database);
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        LiveDatabase live = new LiveDatabase(ws.env(), line -> { });
        String url = server.url(database).raw();
        LiveChange change = bootstrap ? live.bootstrap(ws.targetConfig(), url) : live.up(ws.targetConfig(), url);
        long total = System.nanoTime() - started;
        if (!change.created() || change.after() != head) {
            throw new IllegalStateException("db " + change.command() + " ended at index " + change.after()
                    + " (created: " + change.created() + "); expected a new database at " + head);
        }
        long migrations = change.migrations().stream().mapToLong(t -> t.duration().toNanos()).sum();
        Phases phases = new Phases();
        phases.add(MIGRATIONS, migrations);
        phases.add(REST, total - migrations);
        log.add(phases);
    }

    /** The phases of the timed runs (the warm-up left out). */
    List<Phases> timedPhases() {
        return log.timed();
    }
}
