package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.artifact.TargetLock;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.UrlOption;
import io.matey.engine.ServerRole;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scratch databases of a replay stopped by a signal, on every engine: SIGTERM drops them, says so once and exits
 * 143, with the roles the replay created; after kill -9 they stay, and the next replay on that server drops them (and
 * the roles) and says which.
 */
class ScratchCleanupTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void sigtermDropsTheScratchDatabaseAndExits143(String engine) throws Exception {
        Server server = Server.of(engine, dir);
        Path ws = workspace("slow", engine, slowStatement(engine));
        Path out = Files.createTempFile("matey-out", ".txt");
        Path err = Files.createTempFile("matey-err", ".txt");
        Process process = MateyProcess.start(ws, server.env(), out, err, "schema", "plan");
        String scratch = server.awaitScratchOf(process);

        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(stderr).isEqualTo("error: Terminated.\n");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEmpty();
        assertThat(server.scratchNames()).doesNotContain(scratch);
    }

    /**
     * The window between sending {@code CREATE DATABASE} and registering the scratch database for cleanup: the
     * server finishes a {@code CREATE DATABASE} whose client is gone, so a signal there must wait for it and drop
     * what it created. The test holds the clone there by locking the anchor template it clones ({@code COMMENT ON
     * DATABASE} conflicts with the lock {@code CREATE DATABASE ... TEMPLATE} takes on it).
     */
    @Test
    void sigtermWhileCreateDatabaseRunsDropsWhatItCreates() throws Exception {
        Server server = Server.of("postgres", dir);
        Path ws = workspace("creating", "postgres", "");
        Path second = ws.resolve("migrations/002_u.sql");
        for (String type : List.of("INTEGER", "BIGINT", "SMALLINT")) { // an edited 002 replays from 001's anchor
            Files.writeString(second, "-- migrate:up\nCREATE TABLE u (x " + type + ");\n\n-- migrate:down\nDROP TABLE u;\n");
            if (!type.equals("SMALLINT")) {
                MateyProcess.Result apply = MateyProcess.run(ws, server.env(), "schema", "apply");
                assertThat(apply.exitCode()).as(apply.stderr()).isZero();
            }
        }
        String anchor = server.anchorOf(ws);
        Path out = Files.createTempFile("matey-out", ".txt");
        Path err = Files.createTempFile("matey-err", ".txt");
        Process process = null;
        try (Connection holder = server.engine().connect(server.base())) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("COMMENT ON DATABASE " + anchor + " IS 'held by the test'");
            }
            process = MateyProcess.start(ws, server.env(), out, err, "schema", "apply");
            server.awaitCloneWaitingOn(anchor, process);

            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            Thread.sleep(1000); // the process is ending while its CREATE DATABASE waits
            holder.rollback();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(err)).isEqualTo(143);
            Thread.sleep(500); // a CREATE DATABASE whose client is gone still commits
            String owner = "_" + Long.toString(process.pid(), 36) + "_";
            assertThat(server.scratchNames()).noneSatisfy(name -> assertThat(name).contains(owner));
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            server.engine().dropDatabase(server.engine().siblingUrl(server.base(), anchor));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void sigtermDropsTheRolesTheReplayCreated(String engine) throws Exception {
        Server server = Server.of(engine, dir);
        String name = "walk_term_" + Long.toString(System.nanoTime() & 0xffffff, 36);
        ServerRole role = new ServerRole(name, engine.equals("mysql") ? "%" : null);
        Path ws = workspace("roles", engine, "CREATE " + (engine.equals("mysql") ? "USER " : "ROLE ") + role + ";");
        Files.writeString(ws.resolve("migrations/001_t.sql"), Files.readString(ws.resolve("migrations/001_t.sql"))
                + "DROP " + (engine.equals("mysql") ? "USER " : "ROLE ") + role + ";\n");
        Files.writeString(ws.resolve("migrations/002_slow.sql"), "-- migrate:up\n" + slowStatement(engine)
                + "\n-- migrate:down\n");
        Path err = Files.createTempFile("matey-err", ".txt");
        Process process = MateyProcess.start(ws, server.env(), Files.createTempFile("matey-out", ".txt"), err,
                "schema", "plan");
        server.awaitScratchOf(process);
        assertThat(server.engine().serverRoles().list(server.base())).as("created by the replay").contains(role);

        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(server.engine().serverRoles().list(server.base())).doesNotContain(role);
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("matey: dropped role " + role
                + " that the replay created on " + server.base());
    }

    @ParameterizedTest
    @EngineMatrix
    void theNextReplayDropsWhatAKilledProcessLeft(String engine) throws Exception {
        Server server = Server.of(engine, dir);
        Path slow = workspace("slow", engine, slowStatement(engine));
        Process process = MateyProcess.start(slow, server.env(), Files.createTempFile("matey-out", ".txt"),
                Files.createTempFile("matey-err", ".txt"), "schema", "plan");
        String scratch = server.awaitScratchOf(process);

        process.destroyForcibly(); // SIGKILL: nothing runs in the process any more
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.scratchNames()).contains(scratch);

        MateyProcess.Result next = MateyProcess.run(workspace("fast", engine, ""), server.env(), "schema", "plan");

        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(next.stderr()).contains("matey: dropped leftover scratch database " + scratch + " (its process "
                + process.pid() + " on this host has ended)");
        assertThat(server.scratchNames()).doesNotContain(scratch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void theNextReplayDropsTheRolesAKilledProcessCreated(String engine) throws Exception {
        Server server = Server.of(engine, dir);
        ServerRole role = new ServerRole("walk_kill_" + Long.toString(System.nanoTime() & 0xffffff, 36),
                engine.equals("mysql") ? "%" : null);
        String kind = engine.equals("mysql") ? "USER " : "ROLE ";
        Path ws = workspace("roles", engine, "CREATE " + kind + role + ";");
        Files.writeString(ws.resolve("migrations/001_t.sql"), Files.readString(ws.resolve("migrations/001_t.sql"))
                + "DROP " + kind + role + ";\n");
        Files.writeString(ws.resolve("migrations/002_slow.sql"), "-- migrate:up\n" + slowStatement(engine)
                + "\n-- migrate:down\n");
        Process process = MateyProcess.start(ws, server.env(), Files.createTempFile("matey-out", ".txt"),
                Files.createTempFile("matey-err", ".txt"), "schema", "plan");
        server.awaitScratchOf(process);
        awaitRecordOf(process);

        process.destroyForcibly(); // SIGKILL: the process cannot drop the role
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.engine().serverRoles().list(server.base())).contains(role);

        MateyProcess.Result next = MateyProcess.run(workspace("fast", engine, ""), server.env(), "schema", "plan");

        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(next.stderr()).contains("matey: dropped leftover role " + role + " that the replay of process "
                + process.pid() + " created on " + server.base() + " (the process on this host has ended)");
        assertThat(server.engine().serverRoles().list(server.base())).doesNotContain(role);
    }

    /**
     * MySQL/MariaDB commit a {@code CREATE USER} by itself, so a kill -9 later in the same section leaves the account
     * with only the replay's intent recorded: it carries the replay's mark from the statement on, so the next replay
     * drops it rather than leaving it to be dropped by hand.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql"})
    void theNextReplayDropsARoleCreatedInTheSectionAKilledProcessWasRunning(String engine) throws Exception {
        Server server = Server.of(engine, dir);
        ServerRole role = new ServerRole("walk_mid_" + Long.toString(System.nanoTime() & 0xffffff, 36), "%");
        Path ws = workspace("roles", engine, "CREATE USER " + role + ";\n" + slowStatement(engine));
        Files.writeString(ws.resolve("migrations/001_t.sql"), Files.readString(ws.resolve("migrations/001_t.sql"))
                + "DROP USER " + role + ";\n");
        Process process = MateyProcess.start(ws, server.env(), Files.createTempFile("matey-out", ".txt"),
                Files.createTempFile("matey-err", ".txt"), "schema", "plan");
        server.awaitScratchOf(process);
        assertThat(server.engine().serverRoles().list(server.base())).as("created, the section still running")
                .contains(role);

        process.destroyForcibly(); // SIGKILL inside the section that created the account
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        MateyProcess.Result next = MateyProcess.run(workspace("fast", engine, ""), server.env(), "schema", "plan");

        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(next.stderr()).contains("matey: dropped leftover role " + role + " that the replay of process "
                + process.pid() + " created on " + server.base() + " (the process on this host has ended)");
        assertThat(server.engine().serverRoles().list(server.base())).doesNotContain(role);
    }

    /** Waits until the replay has recorded the roles it created (in the user's Matey directory, one file a process). */
    private static void awaitRecordOf(Process process) throws Exception {
        String suffix = "_" + Long.toString(process.pid(), 36) + ".roles";
        for (int i = 0; i < 600 && process.isAlive(); i++) {
            try (Stream<Path> files = Files.list(TargetLock.userDirectory())) {
                if (files.anyMatch(file -> file.getFileName().toString().endsWith(suffix))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the replay recorded no role within a minute");
    }

    @ParameterizedTest
    @EngineMatrix
    void aKeptScratchDatabaseIsNamedAndOutlivesItsProcess(String engine) throws Exception {
        Server server = Server.of(engine, dir);
        Path ws = workspace("kept", engine, "");
        MateyProcess.Result kept = MateyProcess.run(ws, server.env(), "schema", "plan", "--clean", "--keep-scratch");
        assertThat(kept.exitCode()).as(kept.stderr()).isZero();
        List<String> names = server.engine().databasesNamed(server.base(), "matey_root_kept_");
        assertThat(names).hasSize(1);
        MateyUrl url = server.engine().siblingUrl(server.base(), names.get(0));
        try {
            assertThat(kept.stderr()).contains("matey: kept scratch database " + url + " (--keep-scratch); no replay "
                    + "drops it: drop it with `matey dbmate" + UrlOption.of(url) + " drop`");

            MateyProcess.Result next = MateyProcess.run(workspace("next", engine, ""), server.env(), "schema", "plan");

            assertThat(next.exitCode()).as(next.stderr()).isZero();
            assertThat(next.stderr()).doesNotContain(names.get(0));
            assertThat(server.engine().databaseExists(url)).as("its process has ended, yet it is kept").isTrue();
        } finally {
            server.engine().dropDatabase(url);
        }
    }

    private static String slowStatement(String engine) {
        return switch (engine) {
            case "postgres" -> "SELECT pg_sleep(60);";
            case "mysql" -> "DO SLEEP(60);";
            default -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500000000) "
                    + "SELECT count(*) FROM c;";
        };
    }

    private Path workspace(String name, String engine, String extra) throws Exception {
        Path ws = Files.createDirectories(dir.resolve(name));
        Files.writeString(ws.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(ws.resolve("config.toml"), "engine = \"" + engine + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.createDirectories(ws.resolve("migrations"));
        Files.writeString(ws.resolve("migrations/001_t.sql"), "-- migrate:up\nCREATE TABLE t (x INTEGER);\n" + extra
                + "\n-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
        return ws;
    }

    /** The scratch server of an engine: a directory for SQLite, the test server otherwise. */
    private record Server(Engine engine, MateyUrl base) {

        static Server of(String engine, Path dir) throws Exception {
            MateyUrl base = TestEngines.named(engine).baseIn(Files.createDirectories(dir.resolve("scratch")));
            return new Server(Engines.byId(engine), base);
        }

        Map<String, String> env() {
            return Map.of("TEST_DATABASE_URL", base.raw());
        }

        /** The anchor template kept for the root target of {@code ws} (its comment ends with the directory). */
        String anchorOf(Path ws) throws Exception {
            try (Connection c = engine.connect(base); PreparedStatement ps = c.prepareStatement("SELECT datname FROM "
                    + "pg_database WHERE shobj_description(oid, 'pg_database') LIKE '%; ' || ?")) {
                ps.setString(1, ws.toRealPath().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("an anchor template of " + ws).isTrue();
                    return rs.getString(1);
                }
            }
        }

        /** Waits until a session's CREATE DATABASE waits on {@code template}'s lock. */
        void awaitCloneWaitingOn(String template, Process process) throws Exception {
            ServerPolling.awaitRow(engine, base, "SELECT 1 FROM pg_locks l JOIN pg_database d ON l.objid = d.oid "
                    + "WHERE l.locktype = 'object' AND l.classid = 'pg_database'::regclass AND NOT l.granted "
                    + "AND d.datname = ?", template, process, "the replay did not clone " + template);
        }

        List<String> scratchNames() throws Exception {
            return engine.databasesNamed(base, "matey_root_replay_");
        }

        /** Waits until the process's scratch database exists and the replay is inside the slow statement. */
        String awaitScratchOf(Process process) throws Exception {
            String owner = "_" + Long.toString(process.pid(), 36) + "_";
            for (int i = 0; i < 600 && process.isAlive(); i++) {
                for (String name : scratchNames()) {
                    if (name.contains(owner)) {
                        Thread.sleep(1500);
                        return name;
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the replay did not start within a minute"
                    + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
        }
    }
}
