package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db adopt} on databases whose versions are already recorded, and the live reports on a migration merged
 * out of order, as a new user runs them (real SQLite and PostgreSQL).
 */
class DbRecordedVersionsCommandTest {

    @TempDir
    Path dir;

    @Test
    void adoptingAgainOrAfterLoadingSchemaSqlByHandSaysNothingToAdopt() throws Exception {
        Map<String, String> env = sqliteWorkspace("live.sqlite3", 3);
        sql("live.sqlite3", table(1) + ";\n" + table(2));
        MateyProcess.Result adopted = MateyProcess.run(dir, env, "db", "adopt", "--apply");
        assertThat(adopted.exitCode()).as(adopted.stderr()).isZero();
        assertThat(adopted.stdout()).contains("Adopted: recorded 2 version(s) 001..002");

        for (String[] args : new String[][] {{"db", "adopt", "--apply"}, {"db", "adopt"}}) {
            MateyProcess.Result again = MateyProcess.run(dir, env, args);
            assertThat(again.exitCode()).as(again.stderr()).isZero();
            assertThat(again.stdout()).contains("Nothing to adopt: versions 1..2 are already recorded (applied index "
                    + "2), and the live schema equals that state. Pending: 1 (`matey db up` applies them)");
        }

        Map<String, String> loaded = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("loaded.sqlite3"));
        sql("loaded.sqlite3", Files.readString(dir.resolve("schema.sql")));
        MateyProcess.Result byHand = MateyProcess.run(dir, loaded, "db", "adopt");
        assertThat(byHand.exitCode()).as(byHand.stderr()).isZero();
        assertThat(byHand.stdout()).contains("Nothing to adopt: versions 1..3 are already recorded (applied index 3)",
                "Pending: 0\n");
    }

    @Test
    void adoptingAfterAdoptAndUpOnPostgresSaysNothingToAdopt() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = Map.of("DATABASE_URL", db.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase("postgres").raw());
            workspace(env, "postgres", 2);
            db.execute(table(1));
            assertThat(MateyProcess.run(dir, env, "db", "adopt", "--apply").exitCode()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();

            MateyProcess.Result again = MateyProcess.run(dir, env, "db", "adopt", "--apply");
            assertThat(again.exitCode()).as(again.stderr()).isZero();
            assertThat(again.stdout()).contains("Nothing to adopt: versions 1..2 are already recorded (applied index 2)",
                    "Pending: 0\n");
        }
    }

    @Test
    void aMigrationMergedOutOfOrderIsNamedByEveryLiveReport() throws Exception {
        Map<String, String> env = sqliteWorkspace("live.sqlite3", 0);
        migration("001_t1.sql", 1);
        migration("003_t3.sql", 3);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
        migration("002_t2.sql", 2);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        String problem = "migration migrations/002_t2.sql is older than the last applied one (version 003) and not "
                + "applied: it was probably merged from another branch.";
        String rename = "`mv migrations/002_t2.sql migrations/\\d{14}_t2.sql`, then `matey schema apply`";

        MateyProcess.Result status = MateyProcess.run(dir, env, "db", "status", "--exit-code");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.stdout()).contains("Problem: " + problem).containsPattern(rename);
        assertThat(MateyProcess.run(dir, env, "db", "status", "--format", "json").stdout())
                .contains("\"problem\": \"" + problem);

        MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.stdout()).contains("Status: diverged", "Problem: " + problem).doesNotContain("+++ live");
        assertThat(MateyProcess.run(dir, env, "db", "drift", "--format", "json").stdout())
                .contains("\"status\": \"diverged\"");

        assertThat(MateyProcess.run(dir, env, "db", "plan").stdout()).contains("Problem: " + problem);
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.stderr()).contains("db up refused: " + problem).containsPattern(rename)
                .doesNotContain("Check out the migrations");
    }

    /** A SQLite workspace with {@code n} one-table migrations replayed into artifacts; its live database is {@code file}. */
    private Map<String, String> sqliteWorkspace(String file, int n) throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve(file));
        workspace(env, "sqlite", n);
        return env;
    }

    private void workspace(Map<String, String> env, String engine, int n) throws Exception {
        MateyProcess.Result init = MateyProcess.run(dir, env, "init", "--engine", engine);
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        for (int i = 1; i <= n; i++) {
            migration("00" + i + "_t" + i + ".sql", i);
        }
        if (n > 0) {
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        }
    }

    private void migration(String name, int i) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name), "-- migrate:up\n" + table(i) + ";\n-- migrate:down\n"
                + "DROP TABLE t" + i + ";\n", StandardCharsets.UTF_8);
    }

    /** Runs a script of statements, each ending a line with {@code ;}, on a SQLite file, as a user's client would. */
    private void sql(String file, String script) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file));
                Statement st = c.createStatement()) {
            for (String statement : script.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }

    private static String table(int i) {
        return "CREATE TABLE t" + i + " (id BIGINT PRIMARY KEY, name TEXT)";
    }
}
