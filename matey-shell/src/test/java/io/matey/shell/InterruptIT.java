package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Ctrl-C during a replay, through the launcher, on every engine: exit 130, one message, the scratch database
 * dropped and the artifacts untouched. On PostgreSQL the drop closes the replay's connection: that failure must
 * not be reported as a second error.
 */
class InterruptIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void ctrlCEndsAReplayWith130AndDropsItsScratchDatabase(String engineId) throws Exception {
        MateyUrl server = TestDatabase.serverBase(engineId);
        String target = "db/int" + UUID.randomUUID().toString().substring(0, 8);
        Path targetDir = Files.createDirectories(dir.resolve(target));
        Launcher.Result init = Launcher.run(dir, Map.of(), "init", "--path", target, "--engine", engineId);
        assertThat(init.exitCode()).as(init.all()).isZero();
        String lockBefore = Files.readString(targetDir.resolve("schema.lock.toml"));
        Files.writeString(targetDir.resolve("migrations/001_slow.sql"), "-- migrate:up\nCREATE TABLE t (x INTEGER);\n"
                + slowStatement(engineId) + "\n-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);

        Path out = Files.createTempFile("matey-out", ".txt");
        Path err = Files.createTempFile("matey-err", ".txt");
        Process process = Launcher.start(dir, Map.of(), out, err, "schema", "apply", "--path", target,
                "--test-url", server.raw());
        String scratchPrefix = "matey_" + target.replace('/', '_') + "_replay_";
        awaitScratch(engineId, server, scratchPrefix);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(); // ./matey execs java

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as(stderr).isEqualTo(130);
        assertThat(stderr.lines().filter(line -> line.contains("error"))).containsExactly("error: Interrupted.");
        assertThat(scratchDatabases(engineId, server, scratchPrefix)).as("scratch databases dropped").isEmpty();
        assertThat(Files.readString(targetDir.resolve("schema.lock.toml"))).isEqualTo(lockBefore);
        assertThat(Files.exists(targetDir.resolve("checkpoints/001_slow.sql"))).isFalse();
    }

    private static String slowStatement(String engineId) {
        return switch (engineId) {
            case "postgres" -> "SELECT pg_sleep(600);";
            case "mysql" -> "SELECT SLEEP(600);";
            default -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500000000) "
                    + "SELECT count(*) FROM c;";
        };
    }

    private static void awaitScratch(String engineId, MateyUrl server, String prefix) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (!scratchDatabases(engineId, server, prefix).isEmpty()) {
                Thread.sleep(1000); // the replay is inside the slow statement
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replay did not start within two minutes");
    }

    private static List<String> scratchDatabases(String engineId, MateyUrl server, String prefix) throws Exception {
        return Engines.byId(engineId).databasesNamed(server, prefix);
    }
}
