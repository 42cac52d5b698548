package io.matey.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./matey} launcher as a user would, from a given directory. */
final class Launcher {

    static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent().resolve("matey");

    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private Launcher() {
    }

    /**
     * Starts the launcher with SIGINT at its default disposition, as a terminal's foreground job has it: a suite run
     * as a background job inherits SIGINT ignored, and the JVM does not handle a signal that was ignored at start.
     */
    static Process start(Path cwd, Map<String, String> env, Path out, Path err, String... args) throws IOException {
        return start(SCRIPT, cwd, env, out, err, args);
    }

    /** Starts the launcher through {@code script}, e.g. a link to it. */
    static Process start(Path script, Path cwd, Map<String, String> env, Path out, Path err, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        builder.environment().put("CI", "true");
        return builder.start();
    }

    static Result run(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(SCRIPT, cwd, env, args);
    }

    static Result run(Path script, Path cwd, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(script, cwd, env, "", args);
    }

    /** Runs the launcher with {@code input} on its stdin, as {@code printf ... | matey} does. */
    static Result runWithInput(Path cwd, Map<String, String> env, String input, String... args)
            throws IOException, InterruptedException {
        return run(SCRIPT, cwd, env, input, args);
    }

    private static Result run(Path script, Path cwd, Map<String, String> env, String input, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("matey-out", ".txt");
        Path err = Files.createTempFile("matey-err", ".txt");
        try {
            Process process = start(script, cwd, env, out, err, args);
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./matey " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
