package io.matey.testing;

import io.matey.engine.MateyUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The real dbmate binary from the npm package {@code dbmate}, installed on first use into the git-ignored
 * {@code <repo>/.tools/dbmate} (the repository root is the directory with {@code mvnw}).
 */
public final class DbmateBinary {

    private static final String PACKAGE = "dbmate@2";

    private static DbmateBinary installed;

    private final Path binary;

    private DbmateBinary(Path binary) {
        this.binary = binary;
    }

    /** What a dbmate run printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    public static synchronized DbmateBinary installed() throws IOException, InterruptedException {
        if (installed == null) {
            Path prefix = repoRoot().resolve(".tools").resolve("dbmate");
            Path binary = prefix.resolve("node_modules").resolve(".bin").resolve("dbmate");
            if (!Files.isExecutable(binary)) {
                install(prefix);
            }
            installed = new DbmateBinary(binary);
        }
        return installed;
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with mvnw above " + Path.of("").toAbsolutePath());
    }

    private static void install(Path prefix) throws IOException, InterruptedException {
        List<String> command = List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(), PACKAGE);
        Result result;
        try {
            result = run(command);
        } catch (IOException e) {
            throw Assertions.<RuntimeException>fail("npm is needed to install dbmate for the dbmate interop tests ("
                    + String.join(" ", command) + "), but it cannot be started: " + e.getMessage());
        }
        if (result.exitCode() != 0) {
            Assertions.fail("Installing dbmate failed (" + String.join(" ", command) + "):\n" + result.output());
        }
    }

    /** Runs {@code dbmate --url <url> --migrations-dir <dir> <args...>}. */
    public Result run(MateyUrl url, Path migrationsDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--url", url(url), "--migrations-dir",
                migrationsDir.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs {@code dbmate <args...>} as given, in the directory {@code cwd}. */
    public Result runIn(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command).directory(cwd.toFile()));
    }

    /** dbmate spells SQLite URLs {@code sqlite:<path>}; server URLs are the same for both tools. */
    public static String url(MateyUrl url) {
        return url.isFile() ? "sqlite:" + url.path() : url.raw();
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command));
    }

    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        List<String> command = builder.command();
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            Assertions.fail("Timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output);
    }
}
