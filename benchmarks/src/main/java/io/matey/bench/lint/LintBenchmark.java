package io.matey.bench.lint;

import io.matey.bench.GeneratedMigration;
import io.matey.bench.Machine;
import io.matey.bench.scale.MeasuredProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code matey lint} of a large history, as whole {@code ./matey} processes with the launcher's options: a generated
 * workspace ({@link LintHistory}: by default 2,000 migrations of mixed DDL and DML and three bulk data migrations
 * of 15 MiB) on the chosen engine, without artifacts (lint reads no database; the missing lock is one finding).
 * One untimed lint first records the launcher's class-data cache; then N timed runs: wall, CPU and peak memory.
 * {@code --keep DIR} writes the workspace to DIR and keeps it (for profiling).
 */
public final class LintBenchmark {

    private LintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int migrations = 2000;
        int bulk = 3;
        int bulkMib = 15;
        String engine = "postgres";
        Path keep = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--migrations" -> migrations = Integer.parseInt(args[++i]);
                case "--bulk" -> bulk = Integer.parseInt(args[++i]);
                case "--bulk-mib" -> bulkMib = Integer.parseInt(args[++i]);
                case "--engine" -> engine = args[++i];
                case "--keep" -> keep = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --runs N, "
                        + "--migrations N, --bulk N, --bulk-mib N, --engine E, --keep DIR)");
            }
        }
        Path repo = Path.of(System.getProperty("user.dir"));
        Path launcher = repo.resolve("matey").toAbsolutePath();
        Path root = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("matey-bench-lint-");
        try {
            long bytes = write(root, engine, LintHistory.generate(migrations, bulk, bulkMib));
            String loadBefore = Machine.load();
            List<String> command = List.of(launcher.toString(), "--workspace", root.toString(), "lint");
            System.err.println("lint: untimed run (builds the app, records the class-data cache) ...");
            MeasuredProcess.run("warm-up", repo, Map.of(), command, 1);
            List<MeasuredProcess> timed = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                MeasuredProcess run = MeasuredProcess.run("lint", repo, Map.of(), command, 1);
                System.err.printf("lint: run %d: %.1f s, %.1f s CPU, %.0f MiB%n", r + 1, run.seconds(),
                        run.cpuSeconds(), run.peakMib());
                timed.add(run);
            }
            System.out.println();
            System.out.printf("## lint: %,d migrations + %d bulk of %d MiB (%.1f MB), %s, launcher options%n%n",
                    migrations, bulk, bulkMib, bytes / 1e6, engine);
            System.out.println("| figure | median | min | max |");
            System.out.println("|---|---|---|---|");
            System.out.println(row("wall s", timed.stream().mapToDouble(MeasuredProcess::seconds).sorted().toArray()));
            System.out.println(row("CPU s", timed.stream().mapToDouble(MeasuredProcess::cpuSeconds).sorted().toArray()));
            System.out.println(row("peak RSS MiB", timed.stream().mapToDouble(MeasuredProcess::peakMib).sorted().toArray()));
            System.out.println();
            System.out.println("Runs: " + runs + ". Load average before: " + loadBefore + "; after: " + Machine.load() + ".");
        } finally {
            if (keep == null) {
                delete(root);
            }
        }
    }

    /** A one-target workspace as {@code matey init} lays it out; returns the migrations' size in bytes. */
    private static long write(Path root, String engine, List<GeneratedMigration> history) throws IOException {
        Files.writeString(root.resolve("matey.toml"), "targets = [\".\"]\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("config.toml"), "engine = \"" + engine + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n", StandardCharsets.UTF_8);
        Path dir = Files.createDirectories(root.resolve("migrations"));
        long bytes = 0;
        for (GeneratedMigration migration : history) {
            byte[] text = migration.text().getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(migration.fileName()), text);
            bytes += text.length;
        }
        return bytes;
    }

    private static String row(String figure, double[] sorted) {
        return String.format("| %s | %.1f | %.1f | %.1f |", figure, sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
