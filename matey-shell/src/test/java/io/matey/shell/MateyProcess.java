package io.matey.shell;

import io.matey.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the matey app in a separate JVM, as a user or CI script would, and captures its output. */
final class MateyProcess {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private MateyProcess() {
    }

    /**
     * Starts the app without waiting, its output going to the given files, with SIGINT at its default disposition
     * as {@link Launcher#start} does: a suite run as a background job would otherwise pass it on ignored.
     */
    static Process start(Path cwd, Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MateyShellApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().putAll(env);
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * {@code matey init} of a root target in {@code dir} on {@code engine}, its live database {@code db} and its test
     * server the test one; returns the environment that names them.
     */
    static Map<String, String> init(Path dir, TestDatabase db, String engine) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("DATABASE_URL", db.url().raw(), "TEST_DATABASE_URL",
                TestDatabase.serverBase(engine).raw());
        Result init = run(dir, env, "init", "--engine", engine);
        if (init.exitCode() != 0) {
            throw new IllegalStateException("matey init failed: " + init.stderr());
        }
        return env;
    }

    /** Writes migration {@code name} into {@code dir/migrations}, with its up and down sections. */
    static void migration(Path dir, String name, String up, String down) throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("migrations"));
        java.nio.file.Files.writeString(dir.resolve("migrations/" + name), "-- migrate:up\n" + up + "\n\n-- migrate:down\n"
                + down + "\n", java.nio.charset.StandardCharsets.UTF_8);
    }

    static Result run(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(cwd, env, List.of(), args);
    }

    /** Runs the app with extra JVM options, e.g. a small heap. */
    static Result run(Path cwd, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MateyShellApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().putAll(env);
        Path out = java.nio.file.Files.createTempFile("matey-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("matey-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("matey " + String.join(" ", args) + " did not finish");
        }
        Result result = new Result(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        java.nio.file.Files.delete(out);
        java.nio.file.Files.delete(err);
        return result;
    }
}
