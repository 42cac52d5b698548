package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --keep-going} and {@code [inexact_downs]} as a user meets them: every failed down round trip with its
 * diff in text and JSON, exit 2 and nothing written; accepted ones named by plan and apply; a bad entry in
 * config.toml named by file and line.
 */
class KeepGoingCommandTest {

    @TempDir
    Path dir;

    private void migration(String name, String up, String down) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/" + name), "-- migrate:up\n" + up + "\n\n-- migrate:down\n" + down
                + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void keepGoingReportsEveryFailureAndAcceptedDownsAreShown() throws Exception {
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        migration("001_a.sql", "CREATE TABLE a (id INTEGER);\nCREATE TABLE a_log (id INTEGER);", "DROP TABLE a;");
        migration("002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        migration("003_c.sql", "CREATE TABLE c (id INTEGER);\nCREATE INDEX c_id ON c (id);", "SELECT 1;");
        String lockBefore = Files.readString(dir.resolve("schema.lock.toml"));

        MateyProcess.Result text = MateyProcess.run(dir, Map.of(), "schema", "plan", "--keep-going");
        assertThat(text.exitCode()).as(text.stderr()).isEqualTo(2);
        assertThat(text.stdout()).contains("Down failures: 2", "migrations/001_a.sql: down roundtrip mismatch",
                "+CREATE TABLE a_log", "migrations/003_c.sql: down roundtrip mismatch", "+++ after-down/schema.sql");
        assertThat(text.stderr()).contains("error: .: 2 down section(s) failed the round trip");

        MateyProcess.Result json = MateyProcess.run(dir, Map.of(), "schema", "plan", "--keep-going", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(2);
        JsonNode failures = new ObjectMapper().readTree(json.stdout()).get(0).get("down_failures");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0).get("file").asText()).isEqualTo("migrations/001_a.sql");
        assertThat(failures.get(1).get("diff").asText()).contains("+CREATE INDEX c_id");

        MateyProcess.Result apply = MateyProcess.run(dir, Map.of(), "schema", "apply", "--keep-going");
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.stderr()).contains("error: 2 down section(s) failed the round trip; nothing was written");
        assertThat(Files.readString(dir.resolve("schema.lock.toml"))).isEqualTo(lockBefore);

        Files.writeString(dir.resolve("config.toml"), Files.readString(dir.resolve("config.toml"))
                + "\n[inexact_downs]\n\"001_a.sql\" = \"a_log is kept for auditors\"\n"
                + "\"003_c.sql\" = \"c is dropped by hand\"\n", StandardCharsets.UTF_8);
        MateyProcess.Result accepted = MateyProcess.run(dir, Map.of(), "schema", "apply");
        assertThat(accepted.exitCode()).as(accepted.stderr()).isZero();
        assertThat(accepted.stdout()).contains("Down checked: 1  Down skipped: 0  Down accepted inexact: 2",
                "Accepted inexact down: migrations/001_a.sql (a_log is kept for auditors)");
        MateyProcess.Result plan = MateyProcess.run(dir, Map.of(), "schema", "plan", "--exit-code");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.stdout()).contains("Accepted inexact down: migrations/003_c.sql (c is dropped by hand)");
        MateyProcess.Result lint = MateyProcess.run(dir, Map.of(), "lint", "--exit-code");
        assertThat(lint.stdout()).contains("NOTE    L107 migrations/001_a.sql", "NOTE    L107 migrations/003_c.sql");
    }

    @Test
    void badInexactDownsEntryNamesConfigAndLine() throws Exception {
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        migration("001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        String config = Files.readString(dir.resolve("config.toml"));

        Files.writeString(dir.resolve("config.toml"), config + "[inexact_downs]\n\"001_a.sql\" = \"ok\"\n"
                + "\"002_gone.sql\" = \"typo\"\n", StandardCharsets.UTF_8);
        int unknownLine = (int) config.lines().count() + 3;
        MateyProcess.Result unknown = MateyProcess.run(dir, Map.of(), "schema", "plan");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("config.toml:" + unknownLine + ": inexact_downs: '002_gone.sql' is not "
                + "a migration file");

        Files.writeString(dir.resolve("config.toml"), config + "[inexact_downs]\n\"001_a.sql\" = \" \"\n",
                StandardCharsets.UTF_8);
        MateyProcess.Result blank = MateyProcess.run(dir, Map.of(), "lint");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.stderr()).contains("config.toml:" + (unknownLine - 1) + ": inexact_downs: '001_a.sql' needs "
                + "a reason");
    }
}
