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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clones of a workspace whose migration creates a role replay at once on one PostgreSQL test server: roles are
 * the server's, so the second waits for the first (the server's roles lock, docs/architecture.md §6), says so, and
 * neither fails on the other's role nor drops it.
 */
class ConcurrentRoleReplayTest {

    @TempDir
    Path dir;

    @Test
    void replaysThatCreateTheSameRoleRunOneAtATime() throws Exception {
        MateyUrl base = TestDatabase.serverBase("postgres");
        Engine engine = Engines.byId("postgres");
        String role = "pgserver_clash_" + Long.toString(System.nanoTime() & 0xffffff, 36);
        Map<String, String> env = Map.of("TEST_DATABASE_URL", base.raw());
        Path first = workspace("first", role);
        Path second = workspace("second", role);
        Path out = Files.createTempFile("matey-out", ".txt");
        Path errFirst = Files.createTempFile("matey-err", ".txt");
        Path errSecond = Files.createTempFile("matey-err", ".txt");

        Process running = MateyProcess.start(first, env, out, errFirst, "schema", "apply", "--clean");
        Process waiting = null;
        try {
            awaitSleepOf(engine, base, running); // its CREATE ROLE is done and not committed yet
            waiting = MateyProcess.start(second, env, out, errSecond, "schema", "apply", "--clean");

            assertThat(running.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(waiting.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(errSecond, StandardCharsets.UTF_8);
            assertThat(running.exitValue()).as(Files.readString(errFirst, StandardCharsets.UTF_8)).isZero();
            assertThat(waiting.exitValue()).as(stderr).isZero();
            assertThat(stderr).contains("matey: waiting for the replay of another process on " + base + ": its "
                    + "migrations create or drop roles, as these do, and roles are the server's, so such replays run "
                    + "one at a time\n");
            assertThat(engine.serverRoles().list(base)).doesNotContain(new ServerRole(role, null));
        } finally {
            running.destroyForcibly();
            if (waiting != null) {
                waiting.destroyForcibly();
            }
        }
    }

    private Path workspace(String name, String role) throws Exception {
        Path ws = Files.createDirectories(dir.resolve(name).resolve("migrations"));
        Files.writeString(ws.resolveSibling("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(ws.resolveSibling("config.toml"), "engine = \"postgres\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.writeString(ws.resolve("001_role.sql"), "-- migrate:up\nCREATE TABLE t (id int);\nCREATE ROLE " + role
                + ";\nSELECT pg_sleep(5);\nGRANT SELECT ON t TO " + role + ";\n\n-- migrate:down\nREVOKE SELECT ON t "
                + "FROM " + role + ";\nDROP ROLE " + role + ";\nDROP TABLE t;\n", StandardCharsets.UTF_8);
        return ws.getParent();
    }

    /** Waits until the process's replay runs the migration's pg_sleep. */
    private static void awaitSleepOf(Engine engine, MateyUrl base, Process process) throws Exception {
        ServerPolling.awaitRow(engine, base, "SELECT 1 FROM pg_stat_activity WHERE datname LIKE ? "
                + "AND query LIKE 'SELECT pg_sleep(5)%'", "%\\_" + Long.toString(process.pid(), 36) + "\\_%", process,
                "the first replay did not reach its pg_sleep");
    }
}
