package io.matey.bench.scale;

import io.matey.bench.Machine;
import io.matey.bench.TrivialChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 12 item 14: memory and time at scale, as whole {@code ./matey} processes on SQLite workspaces generated
 * here. A long history (the trivial chain, default 5,000 migrations): {@code schema apply --clean} with the
 * launcher's own options, then {@code schema status} and {@code db up} into a new database with the heap capped.
 * {@code schema apply --clean} of a history whose schema keeps one size, at growing lengths (time per migration).
 * One migration of 20 MiB: {@code schema apply --clean}, {@code db up} and {@code lint} with the heap capped.
 */
public final class ScaleBenchmark {

    /** The launcher's default JVM options (the {@code ./matey} script); the capped runs add {@code -Xmx}. */
    static final String LAUNCHER_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
            + " -Djdk.reflect.useNativeAccessorOnly=true";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int migrations = 5000;
        int[] lengths = {1000, 2000, 4000};
        int bigMib = 20;
        String heap = "256m";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--migrations" -> migrations = Integer.parseInt(args[++i]);
                case "--lengths" -> lengths = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--big-mib" -> bigMib = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --migrations N, --lengths A,B,C, --big-mib N, --heap SIZE)");
            }
        }
        Path launcher = Path.of(System.getProperty("user.dir"), "matey").toAbsolutePath();
        Map<String, String> capped = Map.of("MATEY_JAVA_OPTS", LAUNCHER_OPTIONS + " -Xmx" + heap);
        String loadBefore = Machine.load();
        run(launcher, Path.of(System.getProperty("user.dir")), Map.of(), "--version"); // builds the app, untimed
        List<String> rows = new ArrayList<>();
        List<String> aims = new ArrayList<>();

        try (ScaleWorkspace history = ScaleWorkspace.sqlite("scale-history", TrivialChain.generate(migrations))) {
            String n = String.format("%,d", migrations);
            rows.add(row(measure("schema apply --clean, " + n + " trivial migrations (launcher options)", launcher,
                    history, Map.of(), "schema", "apply", "--clean")));
            rows.add(String.format("| checkpoints written: %.0f MiB | | | |", history.checkpointsMib()));
            MeasuredProcess status = measure("schema status, " + n + " migrations, -Xmx" + heap, launcher, history,
                    capped, "schema", "status");
            rows.add(row(status));
            history.dropLive();
            MeasuredProcess up = measure("db up, " + n + " pending, -Xmx" + heap, launcher, history, capped, "db", "up");
            rows.add(row(up));
            aims.add("schema status and db up of " + n + " migrations complete with -Xmx" + heap + ": yes (peak RSS "
                    + String.format("%.0f and %.0f MiB", status.peakMib(), up.peakMib()) + ")");
        }

        List<double[]> perLength = new ArrayList<>();
        for (int length : lengths) {
            try (ScaleWorkspace bounded = ScaleWorkspace.sqlite("scale-bounded", BoundedChain.generate(length))) {
                MeasuredProcess apply = measure(String.format("schema apply --clean, %,d migrations, schema of %d "
                        + "tables", length, BoundedChain.WIDTH), launcher, bounded, Map.of(), "schema", "apply", "--clean");
                rows.add(row(apply) + String.format(" %.2f ms wall, %.2f ms CPU a migration |",
                        apply.seconds() * 1000 / length, apply.cpuSeconds() * 1000 / length));
                perLength.add(new double[] {length, apply.seconds(), apply.cpuSeconds()});
            }
        }
        double[] first = perLength.get(0);
        double[] last = perLength.get(perLength.size() - 1);
        double growth = (last[1] / last[0]) / (first[1] / first[0]);
        double cpuGrowth = (last[2] / last[0]) / (first[2] / first[0]);
        aims.add(String.format("schema apply --clean linear: time a migration at %,.0f / at %,.0f migrations = %.2f "
                + "wall, %.2f CPU (aim <= 1.25): %s", last[0], first[0], growth, cpuGrowth,
                growth <= 1.25 ? "yes" : "NO"));

        try (ScaleWorkspace big = ScaleWorkspace.sqlite("scale-big", List.of(BigMigration.generate(bigMib)))) {
            long bytes = size(big.root().resolve("migrations").resolve(BigMigration.generate(0).fileName()));
            String label = String.format("%.0f MiB migration", bytes / (1024.0 * 1024.0));
            MeasuredProcess apply = measure("schema apply --clean, one " + label + ", -Xmx" + heap, launcher, big,
                    capped, "schema", "apply", "--clean");
            rows.add(row(apply));
            big.dropLive();
            MeasuredProcess up = measure("db up, one " + label + ", -Xmx" + heap, launcher, big, capped, "db", "up");
            rows.add(row(up));
            MeasuredProcess lint = measure("lint, one " + label + ", -Xmx" + heap, launcher, big, capped, "lint");
            rows.add(row(lint));
            aims.add("one " + label + " within -Xmx" + heap + ": yes (schema apply, db up and lint completed)");
        }

        print("Scale: whole ./matey processes on SQLite (one run each)", rows, aims, loadBefore,
                "(capped runs add -Xmx" + heap + " through MATEY_JAVA_OPTS)");
    }

    /** The table of whole processes, the aims' verdicts and the machine's load before and after them. */
    static void print(String title, List<String> rows, List<String> aims, String loadBefore, String heapNote) {
        System.out.println();
        System.out.println("## " + title);
        System.out.println();
        System.out.println("| command | wall s | CPU s | peak RSS MiB |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        aims.forEach(a -> System.out.println("- " + a));
        System.out.println();
        System.out.println("Load average before: " + loadBefore + "; after: " + Machine.load() + ". Launcher options: "
                + LAUNCHER_OPTIONS + " " + heapNote + ".");
    }

    static MeasuredProcess measure(String label, Path launcher, ScaleWorkspace workspace,
            Map<String, String> options, String... command) throws IOException, InterruptedException {
        System.err.println("scale: " + label + " ...");
        Map<String, String> env = new HashMap<>(workspace.env());
        env.putAll(options);
        List<String> line = new ArrayList<>(List.of(launcher.toString(), "--workspace", workspace.root().toString()));
        line.addAll(List.of(command));
        MeasuredProcess measured = MeasuredProcess.run(label, workspace.root(), env, line);
        System.err.printf("scale:   %.1f s, %.1f s CPU, %.0f MiB%n", measured.seconds(), measured.cpuSeconds(),
                measured.peakMib());
        return measured;
    }

    static void run(Path launcher, Path cwd, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(launcher.toString()));
        line.addAll(List.of(command));
        MeasuredProcess.run("set-up", cwd, env, line);
    }

    static String row(MeasuredProcess measured) {
        return String.format("| %s | %.1f | %.1f | %.0f |", measured.label(), measured.seconds(), measured.cpuSeconds(),
                measured.peakMib());
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
