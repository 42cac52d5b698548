package io.matey.bench.live;

import io.matey.MateyTools;
import io.matey.bench.Bench;
import io.matey.bench.BenchArgs;
import io.matey.bench.BenchServer;
import io.matey.bench.BenchWorkspace;
import io.matey.bench.DirectSql;
import io.matey.bench.GeneratedMigration;
import io.matey.bench.Machine;
import io.matey.bench.Phases;
import io.matey.bench.Report;
import io.matey.bench.Samples;
import io.matey.bench.TrivialChain;
import io.matey.replay.ReplayOptions;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 3: {@code db up} of a generated history of trivial migrations (default 1000) on a new database, next to
 * the real {@code dbmate up} of the same files, the floor (every up section in one transaction), and
 * {@code db bootstrap} of the same history. Run with {@code benchmarks/run.sh db-up [--runs N] [--migrations N]}.
 */
public final class DbUpBenchmark {

    private static final String LIVE_DB = "matey_bench_live";
    private static final String DBMATE_DB = "matey_bench_dbmate";
    private static final String FLOOR_DB = "matey_bench_floor";

    private DbUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args, 1000);
        BenchServer server = BenchServer.fromEnv();
        Dbmate dbmate = Dbmate.fromEnv();
        List<GeneratedMigration> chain = TrivialChain.generate(options.migrations());
        try (BenchWorkspace ws = new BenchWorkspace(server)) {
            for (GeneratedMigration m : chain) {
                ws.add(m);
            }
            String loadBefore = Machine.load();
            System.err.println("db-up: " + chain.size() + " migrations, server " + server.base() + ", "
                    + dbmate.version() + ", load " + loadBefore);
            LiveComponents components = new LiveComponents(server, ws);
            try {
                Report report = run(server, new Bench(options.runs()), ws, chain, dbmate, components);
                report.note("Load average before: " + loadBefore + "; after: " + Machine.load() + ".");
                report.print();
            } finally {
                for (String db : List.of(LIVE_DB, DBMATE_DB, FLOOR_DB)) {
                    server.drop(db);
                }
                components.cleanup();
            }
        }
    }

    private static Report run(BenchServer server, Bench bench, BenchWorkspace ws, List<GeneratedMigration> chain,
            Dbmate dbmate, LiveComponents components) throws Exception {
        int n = chain.size();
        // db up and bootstrap verify against the artifacts, so they must exist: one clean apply, not timed here.
        long applyStarted = System.nanoTime();
        new MateyTools(ws.matey()).schemaApply(BenchWorkspace.TARGET, new ReplayOptions(null, null, true, false), line -> { });
        Samples apply = Samples.single("setup, once: schema apply --clean (not an aim)", System.nanoTime() - applyStarted);
        System.err.printf("  %-44s %14.1f ms%n", "schema apply --clean (once)", apply.medianMs());

        LiveTrial upTrial = new LiveTrial(server, ws, LIVE_DB, false, n);
        Map<String, Bench.Trial> trials = new LinkedHashMap<>();
        trials.put("floor: " + n + " up sections, one transaction", Bench.trial(() -> server.fresh(FLOOR_DB), () -> {
            try (Connection c = server.connect(FLOOR_DB)) {
                DirectSql.transaction(c, chain.stream().flatMap(m -> m.up().stream()).toList());
            }
        }));
        trials.put("dbmate --no-dump-schema up (process)", Bench.trial(() -> server.drop(DBMATE_DB),
                () -> dbmate.up(server.url(DBMATE_DB), ws.migrationsDir(), ws.target())));
        trials.put("matey db up (incl. create, verification)", upTrial);
        trials.put("matey db bootstrap (incl. create, verify)", new LiveTrial(server, ws, LIVE_DB, true, n));
        List<Samples> figures = bench.interleave(trials);
        Samples floor = figures.get(0);
        Samples dbmateUp = figures.get(1);
        Samples up = figures.get(2);
        Samples bootstrap = figures.get(3);
        String schemaSql = Files.readString(ws.target().resolve("schema.sql"));
        List<Samples> parts = components.measure(bench, LIVE_DB, schemaSql);

        Report report = new Report("db-up: " + n + " trivial PostgreSQL migrations", bench.runs());
        List.of(apply, floor, dbmateUp, up).forEach(report::figure);
        Phases.samples("  db up", upTrial.timedPhases()).forEach(report::figure);
        report.figure(bootstrap);
        parts.forEach(report::figure);

        double upVsDbmate = (double) up.median() / dbmateUp.median();
        double upVsBootstrap = (double) up.median() / bootstrap.median();
        report.ratio("matey db up / dbmate up", upVsDbmate, "<= 1.00", upVsDbmate <= 1.0);
        report.ratio("matey db up / db bootstrap (speed-up)", upVsBootstrap, ">= 10", upVsBootstrap >= 10);
        report.info("matey db up, ms per migration", up.medianMs() / n);
        report.info("dbmate up, ms per migration", dbmateUp.medianMs() / n);
        report.info("matey db up / floor", (double) up.median() / floor.median());
        report.info("dbmate up / floor", (double) dbmateUp.median() / floor.median());
        report.note(String.format("Checkpoints read and digested by every live command: %d files, %.1f MB.", n,
                components.checkpointBytes() / 1e6));
        report.note("Matey runs in this warm JVM (no JVM start-up counted); dbmate is its native binary, one "
                + "process per run. Every run starts without the database: both tools create it. The floor, dbmate, db up and db "
                + "bootstrap ran interleaved, one of each per round.");
        return report;
    }
}
