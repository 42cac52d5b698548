package io.matey.bench.scale;

import io.matey.bench.BenchServer;
import io.matey.bench.Machine;
import io.matey.engine.MateyUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scale benchmark's one bulk migration (a table and rows inserted one statement each) on a server, as whole
 * {@code ./matey} processes with the heap capped: {@code schema apply --clean} (which runs the up section twice in a
 * scratch database) and {@code db up} into a new live database. PostgreSQL on {@code MATEY_BENCH_POSTGRES_URL};
 * MySQL/MariaDB too when {@code MATEY_BENCH_MYSQL_URL} names a server.
 */
public final class BulkBenchmark {

    private static final String LIVE = "matey_bench_bulk";

    private BulkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bigMib = 20;
        String heap = "256m";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--big-mib" -> bigMib = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --big-mib N, --heap SIZE)");
            }
        }
        Path launcher = Path.of(System.getProperty("user.dir"), "matey").toAbsolutePath();
        Map<String, String> capped = Map.of("MATEY_JAVA_OPTS", ScaleBenchmark.LAUNCHER_OPTIONS + " -Xmx" + heap);
        String loadBefore = Machine.load();
        ScaleBenchmark.run(launcher, Path.of(System.getProperty("user.dir")), Map.of(), "--version"); // builds the app
        List<String> rows = new ArrayList<>();
        Map<String, MateyUrl> servers = new LinkedHashMap<>();
        servers.put("postgres", BenchServer.fromEnv().base());
        String mysql = System.getenv("MATEY_BENCH_MYSQL_URL");
        if (mysql != null && !mysql.isBlank()) {
            servers.put("mysql", MateyUrl.parse(mysql));
        }
        for (Map.Entry<String, MateyUrl> server : servers.entrySet()) {
            try (ScaleWorkspace big = ScaleWorkspace.server("bulk-" + server.getKey(), server.getKey(),
                    server.getValue(), LIVE, List.of(BigMigration.generate(bigMib)))) {
                long bytes = ScaleBenchmark.size(big.root().resolve("migrations")
                        .resolve(BigMigration.generate(0).fileName()));
                String label = String.format("%s, one %.0f MiB migration, -Xmx%s", server.getKey(),
                        bytes / (1024.0 * 1024.0), heap);
                // Untimed: each family of commands records its class-data cache on its first run of a build.
                ScaleBenchmark.measure("untimed schema status", launcher, big, capped, "schema", "status");
                ScaleBenchmark.measure("untimed db status", launcher, big, capped, "db", "status");
                rows.add(ScaleBenchmark.row(ScaleBenchmark.measure("schema apply --clean, " + label, launcher, big,
                        capped, "schema", "apply", "--clean")));
                big.dropLive();
                rows.add(ScaleBenchmark.row(ScaleBenchmark.measure("db up, " + label, launcher, big, capped, "db",
                        "up")));
            }
        }
        ScaleBenchmark.print("Bulk migration on servers: whole ./matey processes (one run each)", rows, List.of(),
                loadBefore, "-Xmx" + heap + " (through MATEY_JAVA_OPTS)");
    }
}
