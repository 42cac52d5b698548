package io.matey.bench.startup;

import io.matey.bench.Bench;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command timed as a whole process, start-up included, under GNU {@code /usr/bin/time}, which also reports the
 * process's peak resident memory. Output is discarded; a non-zero exit fails the benchmark.
 */
final class WholeProcess implements Bench.Trial {

    private final List<String> command;
    private final Path cwd;
    private final Map<String, String> env;
    private final Bench.Trial preparation;
    private final List<Long> peakKib = new ArrayList<>();

    WholeProcess(List<String> command, Path cwd, Map<String, String> env, Bench.Trial preparation) {
        this.command = command;
        this.cwd = cwd;
        this.env = env;
        this.preparation = preparation;
    }

    @Override
    public void prepare() throws Exception {
        preparation.run();
    }

    @Override
    public void run() throws IOException, InterruptedException {
        Path peak = Files.createTempFile("matey-bench-rss", ".txt");
        try {
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", peak.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(env);
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
            peakKib.add(Long.parseLong(Files.readString(peak, StandardCharsets.UTF_8).strip()));
        } finally {
            Files.deleteIfExists(peak);
        }
    }

    /** The median peak resident memory of the runs so far, in MiB. */
    double medianPeakMib() {
        List<Long> sorted = peakKib.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1024.0;
    }
}
