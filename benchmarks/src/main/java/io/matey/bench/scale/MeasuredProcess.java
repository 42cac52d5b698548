package io.matey.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One whole process under GNU {@code /usr/bin/time}: its wall time, CPU time (user and system; on a loaded machine
 * it says more about the work done than the wall time does) and peak resident memory. An exit above the one
 * expected (0 unless told: {@code lint} exits 1 on findings) fails the benchmark with the process's output.
 */
public record MeasuredProcess(String label, double seconds, double cpuSeconds, double peakMib) {

    static MeasuredProcess run(String label, Path cwd, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        return run(label, cwd, env, command, 0);
    }

    public static MeasuredProcess run(String label, Path cwd, Map<String, String> env, List<String> command,
            int highestExit) throws IOException, InterruptedException {
        Path figures = Files.createTempFile("matey-bench-scale", ".txt");
        Path output = Files.createTempFile("matey-bench-scale", ".log");
        try {
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", figures.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(env);
            int exit = builder.start().waitFor();
            if (exit > highestExit) {
                throw new IllegalStateException(label + ": " + String.join(" ", command) + " exited with " + exit
                        + ":\n" + tail(output));
            }
            String[] parts = Files.readString(figures, StandardCharsets.UTF_8).strip().split("\\s+");
            int n = parts.length;
            return new MeasuredProcess(label, Double.parseDouble(parts[n - 4]),
                    Double.parseDouble(parts[n - 3]) + Double.parseDouble(parts[n - 2]),
                    Long.parseLong(parts[n - 1]) / 1024.0);
        } finally {
            Files.deleteIfExists(figures);
            Files.deleteIfExists(output);
        }
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
