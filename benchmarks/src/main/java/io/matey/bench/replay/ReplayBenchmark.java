package io.matey.bench.replay;

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
import io.matey.replay.ReplayOptions;
import io.matey.schema.SchemaDump;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 2: {@code schema apply} over a generated chain of PostgreSQL migrations (default 200), against the floor
 * (the up sections over JDBC), the round-trip work measured directly, and {@code pg_dump} for the dump.
 * Run with {@code benchmarks/run.sh replay [--runs N] [--migrations N]}.
 */
public final class ReplayBenchmark {

    private static final String FLOOR_DB = "matey_bench_floor";
    private static final ReplayOptions CLEAN = new ReplayOptions(null, null, true, false);

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args, 200);
        BenchServer server = BenchServer.fromEnv();
        Bench bench = new Bench(options.runs());
        List<GeneratedMigration> chain = ReplayChain.generate(options.migrations());
        int n = chain.size();
        try (BenchWorkspace ws = new BenchWorkspace(server)) {
            for (GeneratedMigration m : chain) {
                ws.add(m);
            }
            String loadBefore = Machine.load();
            System.err.println("replay: " + n + " migrations, server " + server.base() + ", load " + loadBefore);
            ReplayComponents components = new ReplayComponents(server, ws);
            try {
                Report report = run(server, bench, ws, chain, components);
                report.note("Load average before: " + loadBefore + "; after: " + Machine.load() + ".");
                report.print();
            } finally {
                server.drop(FLOOR_DB);
                server.drop(RoundTripWork.DATABASE);
                components.cleanup();
            }
        }
    }

    private static Report run(BenchServer server, Bench bench, BenchWorkspace ws, List<GeneratedMigration> chain,
            ReplayComponents components) throws Exception {
        int n = chain.size();
        // One untimed clean apply: the artifacts at the last migration, which (c) starts from.
        new MateyTools(ws.matey()).schemaApply(BenchWorkspace.TARGET, CLEAN, line -> { });
        Map<String, byte[]> artifacts = ws.artifacts();

        RoundTripWork work = new RoundTripWork(server, chain);
        ApplyTrial cleanTrial = new ApplyTrial(ws, CLEAN, n, ws::deleteArtifacts, () -> { });
        GeneratedMigration extra = ReplayChain.extra(n);
        ApplyTrial incrementalTrial = new ApplyTrial(ws, ReplayOptions.defaults(), 1, () -> {
            ws.restoreArtifacts(artifacts);
            ws.add(extra);
        }, () -> ws.remove(extra));
        Map<String, Bench.Trial> trials = new LinkedHashMap<>();
        trials.put("(a) floor: " + n + " up sections over JDBC", Bench.trial(() -> server.fresh(FLOOR_DB), () -> {
            try (Connection c = server.connect(FLOOR_DB)) {
                for (GeneratedMigration m : chain) {
                    DirectSql.transaction(c, m.up());
                }
            }
        }));
        trials.put("round-trip work, direct (wall)", work);
        trials.put("(b) schema apply --clean", cleanTrial);
        trials.put("(c) schema apply, +1 migration", incrementalTrial);
        List<Samples> figures = bench.interleave(trials);
        ws.restoreArtifacts(artifacts);

        // The round-trip database ends at head with every version recorded: the schema the replay dumped.
        DumpComparison dumps = new DumpComparison(server, RoundTripWork.DATABASE);
        List<Samples> dumpFigures = dumps.measure(bench);
        String schemaSql = new String(artifacts.get("schema.sql"), StandardCharsets.UTF_8);
        if (!SchemaDump.sameSchema(dumps.mateyDump(), schemaSql)) {
            throw new IllegalStateException("the dump of the round-trip database differs from the replay's schema.sql");
        }
        List<Samples> parts = components.measure(bench, schemaSql, artifacts);
        return report(bench, n, figures.get(0), work, figures.get(2), cleanTrial, figures.get(3), incrementalTrial,
                dumpFigures, parts, dumps);
    }

    private static Report report(Bench bench, int n, Samples floor, RoundTripWork work, Samples clean,
            ApplyTrial cleanTrial, Samples incremental, ApplyTrial incrementalTrial, List<Samples> dumpFigures,
            List<Samples> parts, DumpComparison dumps) {
        Report report = new Report("replay: " + n + " PostgreSQL migrations", bench.runs());
        Samples workTotal = work.totals("round-trip work, direct (sum of parts)");
        report.figure(floor).figure(workTotal);
        Phases.samples("  round-trip work", work.timedPhases()).forEach(report::figure);
        report.figure(clean);
        Phases.samples("  (b) phase", cleanTrial.timedPhases()).forEach(report::figure);
        report.figure(incremental);
        Phases.samples("  (c) phase", incrementalTrial.timedPhases()).forEach(report::figure);
        dumpFigures.forEach(report::figure);
        parts.forEach(report::figure);

        double cleanVsWork = (double) clean.median() / workTotal.median();
        double incrementalVsClean = (double) incremental.median() / clean.median();
        double dumpVsPgDump = (double) dumpFigures.get(0).median() / dumpFigures.get(2).median();
        report.ratio("(b) apply --clean / round-trip work", cleanVsWork, "<= 1.50", cleanVsWork <= 1.5);
        report.ratio("(c) incremental apply / (b)", incrementalVsClean, "< 0.05", incrementalVsClean < 0.05);
        report.ratio("(d) SchemaDump.dump incl. connect / pg_dump", dumpVsPgDump, "<= 1.00", dumpVsPgDump <= 1.0);
        report.info("(d) SchemaDump.dump alone / pg_dump",
                (double) dumpFigures.get(1).median() / dumpFigures.get(2).median());
        report.info("(b) apply --clean / (a) floor", (double) clean.median() / floor.median());
        report.info("round-trip work / (a) floor", (double) workTotal.median() / floor.median());
        report.note("Dump sizes at head: Matey " + dumps.mateyLines() + " lines, pg_dump " + dumps.pgDumpLines()
                + " lines. (a) runs each up section in its own transaction; the round-trip work, (b) and (c) "
                + "record versions too. (a), the round-trip work, (b) and (c) ran interleaved, one of each per "
                + "round. Matey runs in this warm JVM; pg_dump is a process each time.");
        return report;
    }
}
