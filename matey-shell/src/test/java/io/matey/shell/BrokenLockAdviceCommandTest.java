package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock that cannot be parsed stops every command with the one advice that works: {@code schema apply} alone, and
 * even with {@code --clean}, refuses it until the file is fixed or deleted (real SQLite).
 */
class BrokenLockAdviceCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandAdvisesWhatGetsPastAnUnparsableLock() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE a;\n", StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
        Path lock = dir.resolve("schema.lock.toml");
        Files.write(lock, Arrays.copyOf(Files.readAllBytes(lock), 100));
        String advice = "Fix or delete the file named, then run `matey schema apply --clean`. Diagnostics:\n"
                + "  lockfile-parse-error@schema.lock.toml: Unable to parse lockfile: missing key 'steps'\n";

        for (String[] command : new String[][] {{"db", "up"}, {"db", "migrate"}, {"db", "drift"}, {"db", "down"},
                {"schema", "status"}, {"schema", "plan"}, {"schema", "apply"}, {"schema", "apply", "--clean"}}) {
            MateyProcess.Result result = MateyProcess.run(dir, env, command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", command)).endsWith(advice);
        }
        Files.delete(lock);
        assertThat(MateyProcess.run(dir, env, "schema", "apply", "--clean").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
    }
}
