package io.matey.bench.live;

import io.matey.engine.MateyUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real dbmate binary ({@code MATEY_BENCH_DBMATE}, which run.sh installs and points at), run as a process. */
final class Dbmate {

    static final String BINARY_ENV = "MATEY_BENCH_DBMATE";

    private final String binary;

    private Dbmate(String binary) {
        this.binary = binary;
    }

    static Dbmate fromEnv() {
        String binary = System.getenv(BINARY_ENV);
        if (binary == null || binary.isBlank()) {
            throw new IllegalStateException(BINARY_ENV + " is not set: run this benchmark with "
                    + "benchmarks/run.sh db-up, which installs dbmate under .tools/dbmate");
        }
        return new Dbmate(binary);
    }

    String version() throws IOException, InterruptedException {
        return run(Path.of("."), List.of("--version")).strip();
    }

    /** {@code dbmate --no-dump-schema up}: creates the database if needed and applies every migration. */
    void up(MateyUrl url, Path migrationsDir, Path workDir) throws IOException, InterruptedException {
        run(workDir, List.of("--url", url.raw(), "--migrations-dir", migrationsDir.toString(), "--no-dump-schema",
                "up"));
    }

    private String run(Path workDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("dbmate " + args + " exited with " + exit + ":\n" + output);
        }
        return output;
    }
}
