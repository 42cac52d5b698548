package io.matey.bench.startup;

import io.matey.bench.Bench;
import io.matey.bench.BenchArgs;
import io.matey.bench.BenchServer;
import io.matey.bench.Machine;
import io.matey.bench.Report;
import io.matey.bench.Samples;
import io.matey.engine.MateyUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 11: what a scripted command costs as a whole process, through the {@code ./matey} launcher, paired with
 * yardsticks in rounds (A B A B ...): {@code schema status} of a one-migration SQLite workspace against
 * {@code java -version}, {@code db status} against {@code dbmate status} on the same SQLite database, and
 * {@code db up} of one pending migration against {@code dbmate up --no-dump-schema} (the aim's yardstick) and
 * against dbmate's default {@code up}, which also writes the schema file with {@code pg_dump}, on PostgreSQL.
 */
public final class StartupBenchmark {

    private static final String MATEY_DB = "matey_bench_startup_matey";
    private static final String DBMATE_DB = "matey_bench_startup_dbmate";
    private static final String DBMATE_DUMP_DB = "matey_bench_startup_dbmate_dump";
    private static final String MIGRATION = "-- migrate:up\nCREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT);\n"
            + "-- migrate:down\nDROP TABLE items;\n";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args.length == 0 ? new String[] {"--runs", "11"} : args, 0);
        Path launcher = Path.of(System.getProperty("user.dir"), "matey").toAbsolutePath();
        String dbmate = System.getenv("MATEY_BENCH_DBMATE");
        if (dbmate == null || dbmate.isBlank()) {
            throw new IllegalStateException("MATEY_BENCH_DBMATE is not set: run benchmarks/run.sh startup");
        }
        BenchServer server = BenchServer.fromEnv();
        Path sqlite = Files.createTempDirectory("matey-bench-startup-sqlite");
        Path postgres = Files.createTempDirectory("matey-bench-startup-pg");
        String loadBefore = Machine.load();
        try {
            retrain(launcher, server.base().raw());
            Map<String, String> sqliteEnv = Map.of("DATABASE_URL", "sqlite3:" + sqlite.resolve("live.sqlite3"));
            prepare(launcher, sqlite, sqliteEnv, "sqlite");
            sh(sqlite, sqliteEnv, launcher.toString(), "db", "up");
            MateyUrl pgUrl = server.url(MATEY_DB);
            Map<String, String> pgEnv = Map.of("DATABASE_URL", pgUrl.raw(), "TEST_DATABASE_URL", server.base().raw());
            prepare(launcher, postgres, pgEnv, "postgres");

            Bench bench = new Bench(options.runs());
            Bench.Trial nothing = () -> { };
            Map<String, WholeProcess> trials = new LinkedHashMap<>();
            trials.put("matey schema status (SQLite, 1 migration)",
                    new WholeProcess(List.of(launcher.toString(), "schema", "status"), sqlite, sqliteEnv, nothing));
            trials.put("java -version", new WholeProcess(List.of("java", "-version"), sqlite, Map.of(), nothing));
            trials.put("matey db status (SQLite)",
                    new WholeProcess(List.of(launcher.toString(), "db", "status"), sqlite, sqliteEnv, nothing));
            trials.put("dbmate status (SQLite)", new WholeProcess(List.of(dbmate, "--url", sqliteEnv.get("DATABASE_URL"),
                    "--migrations-dir", sqlite.resolve("migrations").toString(), "status"), sqlite, Map.of(), nothing));
            trials.put("matey db up, 1 pending (PostgreSQL)", new WholeProcess(List.of(launcher.toString(), "db", "up"),
                    postgres, pgEnv, () -> server.fresh(MATEY_DB)));
            trials.put("dbmate up, 1 pending (PostgreSQL)", new WholeProcess(List.of(dbmate, "--url",
                    server.url(DBMATE_DB).raw(), "--migrations-dir", postgres.resolve("migrations").toString(),
                    "--no-dump-schema", "up"), postgres, Map.of(), () -> server.fresh(DBMATE_DB)));
            // dbmate's default up also writes schema.sql with pg_dump, as Matey's verifies with its own dump
            trials.put("dbmate up, 1 pending, default (+ pg_dump schema file)", new WholeProcess(List.of(dbmate,
                    "--url", server.url(DBMATE_DUMP_DB).raw(), "--migrations-dir",
                    postgres.resolve("migrations").toString(), "--schema-file",
                    postgres.resolve("dbmate-schema.sql").toString(), "up"), postgres, Map.of(),
                    () -> server.fresh(DBMATE_DUMP_DB)));
            List<Samples> samples = bench.interleave(new LinkedHashMap<>(trials));

            Report report = new Report("Start-up: whole processes through ./matey, paired with their yardsticks",
                    options.runs());
            samples.forEach(report::figure);
            List<WholeProcess> processes = new ArrayList<>(trials.values());
            report.ratio("schema status / java -version (median of pairs)", pairedRatio(samples.get(0), samples.get(1)),
                    "<= 12", pairedRatio(samples.get(0), samples.get(1)) <= 12);
            report.ratio("schema status peak memory (MiB)", processes.get(0).medianPeakMib(), "< 150",
                    processes.get(0).medianPeakMib() < 150);
            report.info("db status / dbmate status (median of pairs)", pairedRatio(samples.get(2), samples.get(3)));
            report.ratio("db up / dbmate up, 1 pending (median of pairs)", pairedRatio(samples.get(4), samples.get(5)),
                    "<= 5", pairedRatio(samples.get(4), samples.get(5)) <= 5);
            report.info("db up / dbmate up with its default schema dump (median of pairs)",
                    pairedRatio(samples.get(4), samples.get(6)));
            report.info("java -version peak memory (MiB)", processes.get(1).medianPeakMib());
            report.note("Load average before: " + loadBefore + "; after: " + Machine.load() + ". The launcher runs "
                    + "the newest Java >= 17 it finds with its class-data cache; java -version is the java on PATH.");
            report.print();
        } finally {
            server.drop(MATEY_DB);
            server.drop(DBMATE_DB);
            server.drop(DBMATE_DUMP_DB);
        }
    }

    /**
     * Records the launcher's class-data caches afresh with the PostgreSQL server as {@code TEST_DATABASE_URL}, as a
     * team that exports it gets them (untimed).
     */
    private static void retrain(Path launcher, String server) throws Exception {
        Path home = launcher.getParent().resolve("matey-shell/target/launcher");
        if (Files.isDirectory(home)) {
            try (Stream<Path> files = Files.list(home)) {
                for (Path cache : files.filter(f -> f.toString().matches(".*\\.(aot|jsa|failed)$")).toList()) {
                    Files.delete(cache);
                }
            }
        }
        // the first command of each family records that family's cache: the live commands' and the rest's
        sh(launcher.getParent(), Map.of("TEST_DATABASE_URL", server), launcher.toString(), "--version");
        sh(launcher.getParent(), Map.of("TEST_DATABASE_URL", server), launcher.toString(), "db", "--help");
    }

    /** A target at head: init, one migration, schema apply (untimed). */
    private static void prepare(Path launcher, Path workspace, Map<String, String> env, String engine) throws Exception {
        sh(workspace, env, launcher.toString(), "init", "--engine", engine);
        Files.writeString(workspace.resolve("migrations/001_items.sql"), MIGRATION, StandardCharsets.UTF_8);
        sh(workspace, env, launcher.toString(), "schema", "apply");
    }

    private static void sh(Path cwd, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The median of the per-round ratios A/B: each pair ran back to back, under the same load. */
    private static double pairedRatio(Samples a, Samples b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.nanos().size(); i++) {
            ratios.add((double) a.nanos().get(i) / b.nanos().get(i));
        }
        Collections.sort(ratios);
        return ratios.get(ratios.size() / 2);
    }
}
