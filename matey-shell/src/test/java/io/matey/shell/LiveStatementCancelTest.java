package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM while {@code db up} runs a long migration statement: the statement is cancelled on the server before the
 * process ends, so the session stops running it and the migration lock is free at once, not when it would have
 * finished a minute later. The same for a {@code data apply} statement waiting for a row another session holds.
 */
class LiveStatementCancelTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void sigtermCancelsTheRunningMigrationStatementOnTheServer(String engineName) throws Exception {
        Engine engine = Engines.byId(engineName);
        MateyUrl base = TestEngines.named(engineName).baseIn(dir);
        String database = "matey_cancel_" + ProcessHandle.current().pid();
        MateyUrl live = base.withPath(database);
        Path ws = workspace(engineName, database);
        Map<String, String> env = Map.of("TEST_DATABASE_URL", base.raw(), "DATABASE_URL", live.raw());
        MateyProcess.Result apply = MateyProcess.run(ws, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        try {
            Path err = Files.createTempFile("matey-err", ".txt");
            Process up = MateyProcess.start(ws, env, Files.createTempFile("matey-out", ".txt"), err, "db", "up");
            await(() -> sleeping(engineName, base, database), up);
            terminate(up, err);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while ((sleeping(engineName, base, database) || lockHeld(engineName, base, database))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sleeping(engineName, base, database)).as("the server still runs the statement").isFalse();
            assertThat(lockHeld(engineName, base, database)).as("the migration lock is still held").isFalse();
        } finally {
            engine.dropDatabase(live);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void sigtermCancelsADataApplyStatementWaitingOnTheServer(String engineName) throws Exception {
        Engine engine = Engines.byId(engineName);
        MateyUrl base = TestEngines.named(engineName).baseIn(dir);
        String database = "matey_cancel_data_" + ProcessHandle.current().pid();
        MateyUrl live = base.withPath(database);
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(ws.resolve("config.toml"), "engine = \"" + engineName + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.createDirectories(ws.resolve("migrations"));
        Files.writeString(ws.resolve("migrations/001_items.sql"), "-- migrate:up\nCREATE TABLE items (id BIGINT NOT "
                + "NULL PRIMARY KEY, name VARCHAR(40) NOT NULL);\n\n-- migrate:down\nDROP TABLE items;\n");
        Files.createDirectories(ws.resolve("data"));
        Files.writeString(ws.resolve("data/data.toml"), "[core]\nfiles = [{ name = \"items\", table = \"items\", "
                + "mode = \"replace\", order_by = [\"id\"] }]\n");
        Files.writeString(ws.resolve("data/items.jsonl"), "{\"id\": 1, \"name\": \"new\"}\n");
        Map<String, String> env = Map.of("TEST_DATABASE_URL", base.raw(), "DATABASE_URL", live.raw());
        for (String[] command : List.of(new String[] {"schema", "apply"}, new String[] {"db", "up"})) {
            MateyProcess.Result result = MateyProcess.run(ws, env, command);
            assertThat(result.exitCode()).as(result.stderr()).isZero();
        }
        String waiting = engineName.equals("postgres")
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "' AND wait_event_type = 'Lock'"
                : "SELECT count(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p"
                        + " ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = '" + database + "'";
        try (Connection holder = engine.connect(live); Statement st = holder.createStatement()) {
            st.execute("INSERT INTO items (id, name) VALUES (1, 'old')");
            holder.setAutoCommit(false);
            st.execute("UPDATE items SET name = 'held' WHERE id = 1");
            Path err = Files.createTempFile("matey-err", ".txt");
            Process apply = MateyProcess.start(ws, env, Files.createTempFile("matey-out", ".txt"), err, "data", "apply");
            await(() -> !value(engineName, base, waiting).equals("0"), apply);
            terminate(apply, err);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (!value(engineName, base, waiting).equals("0") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(value(engineName, base, waiting)).as("the server still runs the data statement").isEqualTo("0");
            holder.rollback();
        } finally {
            engine.dropDatabase(live);
        }
    }

    private static void terminate(Process process, Path err) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEqualTo("error: Terminated.\n");
    }

    /** A migration that sleeps a minute on the live database only, not in the replay's scratch databases. */
    private Path workspace(String engine, String database) throws Exception {
        String sleep = engine.equals("postgres")
                ? "SELECT pg_sleep(CASE WHEN current_database() = '" + database + "' THEN 60 ELSE 0 END);"
                : "DO SLEEP(IF(DATABASE() = '" + database + "', 60, 0));";
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(ws.resolve("config.toml"), "engine = \"" + engine + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.createDirectories(ws.resolve("migrations"));
        Files.writeString(ws.resolve("migrations/001_slow.sql"), "-- migrate:up\nCREATE TABLE t (x INTEGER);\n"
                + sleep + "\n\n-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
        return ws;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition reached, Process command) throws Exception {
        for (int i = 0; i < 600 && command.isAlive(); i++) {
            if (reached.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the command did not reach its slow statement within a minute"
                + (command.isAlive() ? "" : "; it exited with " + command.exitValue()));
    }

    /** Whether a session on the live database is running the migration's sleep. */
    private static boolean sleeping(String engine, MateyUrl base, String database) throws Exception {
        String query = engine.equals("postgres")
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "' AND state = 'active'"
                        + " AND query LIKE '%pg_sleep%'"
                : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '" + database + "'"
                        + " AND INFO LIKE '%SLEEP(%' AND ID <> CONNECTION_ID()";
        return !value(engine, base, query).equals("0");
    }

    private static boolean lockHeld(String engine, MateyUrl base, String database) throws Exception {
        String query = engine.equals("postgres")
                ? "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = '" + database + "')"
                : "SELECT count(*) FROM (SELECT IS_USED_LOCK('matey:" + database + "') AS holder) l WHERE holder IS NOT NULL";
        return !value(engine, base, query).equals("0");
    }

    private static String value(String engine, MateyUrl base, String query) throws Exception {
        try (Connection connection = Engines.byId(engine).connect(base)) {
            return TestDatabase.firstValue(connection, query);
        }
    }
}
