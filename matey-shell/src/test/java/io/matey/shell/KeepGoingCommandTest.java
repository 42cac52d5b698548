package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
        assertThat(accepted.stdout()).contains("Down checked: 3  Down skipped: 0  Down accepted inexact: 2",
                "Accepted inexact down: migrations/001_a.sql (a_log is kept for auditors)");
        MateyProcess.Result plan = MateyProcess.run(dir, Map.of(), "schema", "plan", "--exit-code");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.stdout()).contains("Accepted inexact down: migrations/003_c.sql (c is dropped by hand)");
        MateyProcess.Result lint = MateyProcess.run(dir, Map.of(), "lint", "--exit-code");
        assertThat(lint.stdout()).contains("NOTE    L107 migrations/001_a.sql", "NOTE    L107 migrations/003_c.sql");
    }

    /**
     * config.toml is no input the lock's digests cover: an entry of {@code [inexact_downs]} added, reworded or removed
     * after the lock was written makes {@code schema status} report it stale, as lint's L210 does, until schema apply.
     */
    @Test
    void schemaStatusReportsAChangedAcceptanceAsStale() throws Exception {
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        migration("001_a.sql", "CREATE TABLE a (id INTEGER);\nCREATE TABLE a_log (id INTEGER);", "DROP TABLE a;");
        migration("002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        String config = Files.readString(dir.resolve("config.toml")) + "\n[inexact_downs]\n";
        Files.writeString(dir.resolve("config.toml"), config + "\"001_a.sql\" = \"a_log is kept\"\n");
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "status", "--exit-code").exitCode()).isZero();

        Files.writeString(dir.resolve("config.toml"), config + "\"001_a.sql\" = \"a_log is kept for auditors\"\n"
                + "\"002_b.sql\" = \"reviewed\"\n");
        MateyProcess.Result stale = MateyProcess.run(dir, Map.of(), "schema", "status", "--exit-code");
        assertThat(stale.exitCode()).as(stale.stdout() + stale.stderr()).isEqualTo(1);
        assertThat(stale.stdout()).contains("stale", "coherence-step-down-accepted-mismatch", "Lock records the "
                + "accepted inexact down 'a_log is kept' for migrations/001_a.sql, but config.toml accepts it: "
                + "'a_log is kept for auditors': run `matey schema apply` to check the round trip again and rewrite "
                + "the lock.", "Lock records no accepted inexact down for migrations/002_b.sql, but config.toml "
                + "accepts it: 'reviewed'");
        MateyProcess.Result lint = MateyProcess.run(dir, Map.of(), "lint");
        assertThat(lint.stdout()).as("lint words it alike").contains("L210", "Lock records no accepted inexact down "
                + "for migrations/002_b.sql, but config.toml accepts it: 'reviewed'.");

        Files.writeString(dir.resolve("config.toml"), config + "\"001_a.sql\" = \"a_log is kept for auditors\"\n");
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "status", "--exit-code").exitCode())
                .as("schema apply records the reworded reason").isZero();
    }

    /**
     * An accepted entry whose down section fails to run is a failure, not also an accepted down; every round trip
     * that ran counts as checked, and each broken down is listed once.
     */
    @Test
    void eachBrokenDownIsListedOnceAndEveryRoundTripCounts() throws Exception {
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        migration("001_ok.sql", "CREATE TABLE ok (id INTEGER);", "DROP TABLE ok;");
        migration("002_gone.sql", "CREATE TABLE gone (id INTEGER);", "DROP TABLE no_such_table;");
        migration("003_kept.sql", "CREATE TABLE kept (id INTEGER);\nCREATE TABLE kept_log (id INTEGER);",
                "DROP TABLE kept;");
        migration("004_left.sql", "CREATE TABLE left_t (id INTEGER);", "SELECT 1;");
        migration("005_typo.sql", "CREATE TABLE typo (id INTEGER);", "DROP TABLE typ;");
        Files.writeString(dir.resolve("config.toml"), Files.readString(dir.resolve("config.toml"))
                + "\n[inexact_downs]\n\"002_gone.sql\" = \"reviewed\"\n\"003_kept.sql\" = \"kept_log stays\"\n",
                StandardCharsets.UTF_8);
        Map<String, String> before = files();

        for (String command : new String[] {"plan", "apply"}) {
            MateyProcess.Result result = MateyProcess.run(dir, Map.of(), "schema", command, "--keep-going");
            assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
            String report = result.stdout() + result.stderr();
            for (String file : new String[] {"002_gone.sql", "004_left.sql", "005_typo.sql"}) {
                assertThat(report.split("migrations/" + file + ": ", -1)).as(file).hasSize(2);
            }
            assertThat(report).doesNotContain("Accepted inexact down: migrations/002_gone.sql")
                    .contains("does not apply: a down section that fails to run is never accepted");
            if (command.equals("plan")) {
                assertThat(result.stdout()).contains("Down checked: 5  Down skipped: 0  Down accepted inexact: 1\n"
                        + "Accepted inexact down: migrations/003_kept.sql (kept_log stays)", "Down failures: 3");
            }
            assertThat(files()).isEqualTo(before);
        }
    }

    private Map<String, String> files() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(f -> !dir.relativize(f).startsWith(".matey"))
                    .toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
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
