package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db up} killed while a statement that changes no schema runs, on engines whose DDL commits itself
 * (docs/architecture.md §7): the marker counts the DDL statement before it, and a schema untouched by the section
 * is reported as such, not as a partial state.
 */
class KilledStatementTest {

    @TempDir
    Path dir;

    @Test
    void mariadbCountsTheDdlStatementBeforeAKilledSleep() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live, "mysql");
            String name = live.url().path().replace("/", "");
            migration("001_ab.sql", "CREATE TABLE a (id int PRIMARY KEY);\nDO IF(DATABASE() = '" + name
                    + "', SLEEP(10), 0);\nCREATE TABLE b (id int PRIMARY KEY);", "DROP TABLE b;\nDROP TABLE a;");
            apply(env);
            killDuring(live, env, "SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'DO IF(DATABASE()%'");

            MateyProcess.Result status = matey(env, "db", "status");
            assertThat(status.stdout()).as(status.stderr()).contains("Interrupted: migration migrations/001_ab.sql was "
                    + "interrupted after statement 1 of 3 (up section); statement 2 (line 3) may also have taken effect");
        }
    }

    @Test
    void clickhouseSaysASchemaUntouchedByTheKilledSectionIsTheStateBefore() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("clickhouse")) {
            Map<String, String> env = init(live, "clickhouse");
            migration("001_b.sql", "SELECT sleep(3);\nCREATE TABLE b (id UInt8) ENGINE = Memory;", "DROP TABLE b;");
            apply(env);
            killDuring(live, env, "SELECT count() FROM system.processes WHERE query LIKE 'SELECT sleep(3)%'");

            MateyProcess.Result status = matey(env, "db", "status");
            assertThat(status.stdout()).as(status.stderr()).contains("Interrupted: migration migrations/001_b.sql was "
                    + "interrupted after statement 0 of 2 (up section); the live schema is still the state before the "
                    + "migration, so none of its schema changes took effect.\nRun `matey db up --resume`")
                    .doesNotContain("partial");
            MateyProcess.Result refused = matey(env, "db", "up");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("none of its schema changes took effect. Run `matey db up --resume`: "
                    + "it runs the section on from statement 1.").doesNotContain("partial", "by hand");
            MateyProcess.Result resumed = matey(env, "db", "up", "--resume");
            assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
            assertThat(resumed.stdout()).contains("Verified: live schema equals the committed state at index 1");
        }
    }

    /** Starts {@code db up}, waits until {@code running} counts its statement on the server, and kills it (SIGKILL). */
    private void killDuring(TestDatabase live, Map<String, String> env, String running) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = MateyProcess.start(dir, env, out, err, "db", "up");
        while (!started(live, running)) {
            assertThat(process.isAlive()).as(Files.readString(err)).isTrue();
            Thread.sleep(50);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean started(TestDatabase live, String running) {
        try {
            return !live.firstColumn(running).get(0).equals("0");
        } catch (SQLException e) {
            return false; // the database is not created yet
        }
    }

    private Map<String, String> init(TestDatabase live, String engine) throws Exception {
        Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase(engine).raw(),
                "DATABASE_URL", live.url().raw());
        assertThat(matey(env, "init", "--engine", engine).exitCode()).isZero();
        return env;
    }

    private void apply(Map<String, String> env) throws Exception {
        MateyProcess.Result apply = matey(env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
    }

    private void migration(String name, String up, String down) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/" + name), "-- migrate:up\n" + up + "\n\n-- migrate:down\n" + down + "\n",
                StandardCharsets.UTF_8);
    }

    private MateyProcess.Result matey(Map<String, String> env, String... args) throws Exception {
        return MateyProcess.run(dir, env, args);
    }
}
