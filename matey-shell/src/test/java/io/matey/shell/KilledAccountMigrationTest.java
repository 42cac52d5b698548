package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code db up} killed with SIGKILL on MariaDB after a migration's {@code CREATE USER} took effect and before its
 * version was recorded: the account is the server's, which no dump shows, and the progress marker's count lags the
 * statement, whose implicit commit came before the count's. {@code db status} reports the interruption, {@code db up}
 * refuses, and {@code db up --resume} continues after the {@code CREATE USER}, whose account the live server has,
 * rather than running it again (docs/architecture.md §7).
 */
class KilledAccountMigrationTest {

    private final String suffix = Long.toString(System.nanoTime() & 0xffffff, 36);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aDbUpKilledAfterCreateUserIsReportedAndResumedAfterIt(String engineName) throws Exception {
        String account = "'mysqlfix_k_" + suffix + "'@'%'";
        String block = "mysqlfix_block_" + suffix;
        Engine engine = Engines.byId("mysql");
        MateyUrl server = engine.siblingUrl(TestDatabase.serverBase(engineName), "mysql");
        TestDatabase live = TestDatabase.unborn(engineName);
        Files.writeString(dir.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(dir.resolve("config.toml"), "engine = \"mysql\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.createDirectories(dir.resolve("migrations"));
        // The killed run waits on a lock the test holds, after its CREATE USER.
        Files.writeString(dir.resolve("migrations/001_accounts.sql"), "-- migrate:up\n"
                + "CREATE TABLE widgets (id INT PRIMARY KEY);\nCREATE USER " + account + ";\n"
                + "DO GET_LOCK('" + block + "', 60);\nCREATE TABLE gadgets (id INT PRIMARY KEY);\n\n"
                + "-- migrate:down\nDROP TABLE gadgets;\nDROP USER " + account + ";\nDROP TABLE widgets;\n",
                StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("DATABASE_URL", live.url().raw(),
                "TEST_DATABASE_URL", TestDatabase.serverBase(engineName).raw());
        try {
            ok(env, "schema", "apply");
            try (Connection holder = engine.connect(server)) {
                query(holder, "SELECT GET_LOCK('" + block + "', 0)");
                Process up = MateyProcess.start(dir, env, Files.createTempFile(dir, "out", ".txt"),
                        Files.createTempFile(dir, "err", ".txt"), "db", "up");
                while (!waitsOn(holder, block)) {
                    assertThat(up.isAlive()).as("db up ended before the lock").isTrue();
                    Thread.sleep(50);
                }
                up.destroyForcibly();
                assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(query(holder, "SELECT COUNT(*) FROM mysql.user WHERE CONCAT('''', User, '''@''', Host, "
                        + "'''') = \"" + account + "\"")).as("the CREATE USER took effect").isEqualTo("1");
            }

            MateyProcess.Result status = MateyProcess.run(dir, env, "db", "status");
            assertThat(status.stdout()).contains("Interrupted:", "db up --resume");
            MateyProcess.Result refused = MateyProcess.run(dir, env, "db", "up");
            assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(2);
            assertThat(refused.stderr()).contains("was interrupted");

            // Running the CREATE USER again would fail: the account is there.
            MateyProcess.Result resumed = MateyProcess.run(dir, env, "db", "up", "--resume");
            assertThat(resumed.exitCode()).as(resumed.stdout() + resumed.stderr()).isZero();
            assertThat(ok(env, "db", "status")).contains("Applied: 1").doesNotContain("Interrupted");
            assertThat(ok(env, "db", "drift", "--exit-code")).contains("clean");
        } finally {
            try (Connection c = engine.connect(server); Statement st = c.createStatement()) {
                st.execute("DROP USER IF EXISTS " + account);
            }
            live.close();
        }
    }

    /** Whether a session waits for the named lock {@code block}, which {@code holder} holds. */
    private static boolean waitsOn(Connection holder, String block) throws SQLException {
        return !query(holder, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%GET_LOCK(''"
                + block + "'', 60)%' AND ID <> CONNECTION_ID()").equals("0");
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String ok(Map<String, String> env, String... args) throws Exception {
        MateyProcess.Result result = MateyProcess.run(dir, env, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.stdout() + result.stderr()).isZero();
        return result.stdout();
    }
}
