package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two clones of a workspace whose migration creates a role, or grants to an account the server has, replay at once on
 * one test server: roles and MySQL/MariaDB grants are the server's, so the second waits for the first (the server's
 * roles lock, docs/architecture.md §6), says so, and neither fails on the other's role or grant nor drops or revokes
 * it.
 */
class ConcurrentRoleReplayTest {

    /** The waiting line: the server, then (between them) the lock, its holder and the wait's bound, then why. */
    private static final String WAITS = "matey: waiting for the replay of another process on %s (";
    private static final String WHY = ", at most 10m): its migrations create or drop roles or change their grants, as "
            + "these do, and those are the server's, so such replays run one at a time\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void replaysThatCreateTheSameRoleRunOneAtATime(String engineId) throws Exception {
        MateyUrl base = TestDatabase.serverBase(engineId);
        Engine engine = Engines.byId(engineId);
        String role = "mysqlreplay_clash_" + Long.toString(System.nanoTime() & 0xffffff, 36);
        String migration = engineId.equals("postgres")
                ? "-- migrate:up\nCREATE TABLE t (id int);\nCREATE ROLE " + role + ";\nSELECT pg_sleep(5);\nGRANT "
                        + "SELECT ON t TO " + role + ";\n\n-- migrate:down\nREVOKE SELECT ON t FROM " + role + ";\n"
                        + "DROP ROLE " + role + ";\nDROP TABLE t;\n"
                : "-- migrate:up\nCREATE TABLE t (id int);\nCREATE USER '" + role + "'@'%';\nSELECT SLEEP(5);\n"
                        + "GRANT SELECT ON t TO '" + role + "'@'%';\n\n-- migrate:down\nREVOKE SELECT ON t FROM '"
                        + role + "'@'%';\nDROP USER '" + role + "'@'%';\nDROP TABLE t;\n";

        String stderr = runTwo(engine, base, migration, migration);

        assertThat(stderr).contains(WAITS.formatted(base), "held by ", WHY);
        assertThat(engine.serverRoles().list(base)).extracting(ServerRole::name).doesNotContain(role);
    }

    /**
     * MySQL/MariaDB keep an account's privileges on objects that are gone, and each replay gives an account it did not
     * create back the grants it had: without the lock the first to end would revoke the other's grant, whose down
     * section then fails, and the other would grant the first's again.
     */
    @Test
    void mariadbReplaysThatGrantToTheSameAccountRunOneAtATime() throws Exception {
        MateyUrl base = TestDatabase.serverBase("mysql");
        Engine engine = Engines.byId("mysql");
        String account = "'mysqlreplay_app_" + Long.toString(System.nanoTime() & 0xffffff, 36) + "'@'%'";
        try (Connection c = engine.connect(base); Statement st = c.createStatement()) {
            st.execute("CREATE USER " + account);
        }
        try {
            List<String> before = grants(engine, base, account);
            String stderr = runTwo(engine, base, granting(account, 2), granting(account, 8));

            assertThat(stderr).contains(WAITS.formatted(base), "held by ", WHY);
            assertThat(grants(engine, base, account)).isEqualTo(before);
        } finally {
            try (Connection c = engine.connect(base); Statement st = c.createStatement()) {
                st.execute("DROP USER " + account);
            }
        }
    }

    private static String granting(String account, int sleep) {
        return "-- migrate:up\nCREATE TABLE t (id int);\nGRANT SELECT ON t TO " + account + ";\nSELECT SLEEP(" + sleep
                + ");\n\n-- migrate:down\nREVOKE SELECT ON t FROM " + account + ";\nDROP TABLE t;\n";
    }

    /**
     * Runs {@code schema apply --clean} of a workspace with the migration {@code first}, and once its replay sleeps, of
     * another with {@code second}; both must succeed. Returns the second's stderr.
     */
    private String runTwo(Engine engine, MateyUrl base, String first, String second) throws Exception {
        Map<String, String> env = Map.of("TEST_DATABASE_URL", base.raw());
        Path out = Files.createTempFile("matey-out", ".txt");
        Path errFirst = Files.createTempFile("matey-err", ".txt");
        Path errSecond = Files.createTempFile("matey-err", ".txt");
        Process running = MateyProcess.start(workspace("first", engine.id(), first), env, out, errFirst, "schema",
                "apply", "--clean");
        Process waiting = null;
        try {
            awaitSleepOf(engine, base, running); // its role or grant is there, and it has more to run
            waiting = MateyProcess.start(workspace("second", engine.id(), second), env, out, errSecond, "schema",
                    "apply", "--clean");

            assertThat(running.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(waiting.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(errSecond, StandardCharsets.UTF_8);
            assertThat(running.exitValue()).as(Files.readString(errFirst, StandardCharsets.UTF_8)).isZero();
            assertThat(waiting.exitValue()).as(stderr).isZero();
            return stderr;
        } finally {
            running.destroyForcibly();
            if (waiting != null) {
                waiting.destroyForcibly();
            }
        }
    }

    private Path workspace(String name, String engine, String migration) throws Exception {
        Path ws = Files.createDirectories(dir.resolve(name).resolve("migrations"));
        Files.writeString(ws.resolveSibling("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(ws.resolveSibling("config.toml"), "engine = \"" + engine + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.writeString(ws.resolve("001_role.sql"), migration, StandardCharsets.UTF_8);
        return ws.getParent();
    }

    /** Waits until the process's replay runs the migration's sleep. */
    private static void awaitSleepOf(Engine engine, MateyUrl base, Process process) throws Exception {
        String scratch = "%\\_" + Long.toString(process.pid(), 36) + "\\_%";
        ServerPolling.awaitRow(engine, base, engine.id().equals("postgres")
                ? "SELECT 1 FROM pg_stat_activity WHERE datname LIKE ? AND query LIKE 'SELECT pg_sleep(5)%'"
                : "SELECT 1 FROM information_schema.PROCESSLIST WHERE DB LIKE ? AND INFO LIKE 'SELECT SLEEP(%'",
                scratch, process, "the first replay did not reach its sleep");
    }

    private static List<String> grants(Engine engine, MateyUrl base, String account) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = engine.connect(base); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW GRANTS FOR " + account)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
