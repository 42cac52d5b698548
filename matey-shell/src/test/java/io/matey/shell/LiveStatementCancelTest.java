package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM while {@code db up} runs a long migration statement: the statement is cancelled on the server before the
 * process ends, so the session stops running it and the migration lock is free at once, not when it would have
 * finished a minute later. The same for a {@code data apply} statement waiting for a row another session holds, and
 * for Ctrl-C while {@code db bootstrap} loads {@code schema.sql}.
 */
class LiveStatementCancelTest {

    @TempDir
    Path dir;

    /** The live database a test's commands work on, on the engine's test server, and their environment. */
    private record Live(String engine, MateyUrl base, String database, Map<String, String> env) {

        static Live of(String engine, Path dir, String prefix) {
            MateyUrl base = TestEngines.named(engine).baseIn(dir);
            String database = prefix + ProcessHandle.current().pid();
            return new Live(engine, base, database, Map.of("TEST_DATABASE_URL", base.raw(), "DATABASE_URL",
                    base.withPath(database).raw()));
        }

        MateyUrl url() {
            return base.withPath(database);
        }

        void drop() throws Exception {
            Engines.byId(engine).dropDatabase(url());
        }

        String value(String query) throws Exception {
            return value(base, query);
        }

        /** The answer of the live database itself. */
        String liveValue(String query) throws Exception {
            return value(url(), query);
        }

        private String value(MateyUrl url, String query) throws Exception {
            try (Connection connection = Engines.byId(engine).connect(url)) {
                return TestDatabase.firstValue(connection, query);
            }
        }

        boolean any(String countQuery) throws Exception {
            return !value(countQuery).equals("0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void sigtermCancelsTheRunningMigrationStatementOnTheServer(String engineName) throws Exception {
        Live live = Live.of(engineName, dir, "matey_cancel_");
        // A migration that sleeps a minute on the live database only, not in the replay's scratch databases.
        String sleep = engineName.equals("postgres")
                ? "SELECT pg_sleep(CASE WHEN current_database() = '" + live.database() + "' THEN 60 ELSE 0 END);"
                : "DO SLEEP(IF(DATABASE() = '" + live.database() + "', 60, 0));";
        Path ws = workspace(engineName, "-- migrate:up\nCREATE TABLE t (x INTEGER);\n\n-- migrate:down\nDROP TABLE t;\n");
        Files.writeString(ws.resolve("migrations/002_slow.sql"), "-- migrate:up\nCREATE TABLE u (x INTEGER);\n" + sleep
                + "\n\n-- migrate:down\nDROP TABLE u;\n");
        Files.writeString(ws.resolve("migrations/003_never.sql"), "-- migrate:up\nCREATE TABLE v (x INTEGER);\n"
                + "\n-- migrate:down\nDROP TABLE v;\n");
        String sleeping = engineName.equals("postgres")
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + live.database() + "' AND state = 'active'"
                        + " AND query LIKE '%pg_sleep%'"
                : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '" + live.database() + "'"
                        + " AND INFO LIKE '%SLEEP(%' AND ID <> CONNECTION_ID()";
        String lockHeld = engineName.equals("postgres")
                ? "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = '" + live.database() + "')"
                : "SELECT count(*) FROM (SELECT IS_USED_LOCK('matey:" + live.database() + "') AS holder) l"
                        + " WHERE holder IS NOT NULL";
        run(ws, live, "schema", "apply");
        try {
            String stopped = signalWhileRunning(ws, live, "TERM", sleeping, "db", "up");
            // PostgreSQL fails the cancelled statement; MariaDB's KILL QUERY ends a SLEEP without an error, so the
            // migration completes and is recorded: either way the run says so and starts no further migration.
            int index = engineName.equals("postgres") ? 1 : 2;
            assertThat(stopped).as("where the run stopped").startsWith(index == 1
                    ? "Stopped during migrations/002_slow.sql: " : "Stopped before migrations/003_never.sql, which did "
                    + "not start. ").endsWith(" This run completed " + index + " migration(s), the last "
                    + (index == 1 ? "migrations/001_first.sql" : "migrations/002_slow.sql") + "; the live database is "
                    + "at index " + index + ".\n");
            assertThat(live.liveValue("SELECT count(*) FROM schema_migrations")).as("versions recorded")
                    .isEqualTo(String.valueOf(index));
            awaitGone(() -> live.any(lockHeld));
            assertThat(live.any(lockHeld)).as("the migration lock is still held").isFalse();
        } finally {
            live.drop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void sigtermCancelsADataApplyStatementWaitingOnTheServer(String engineName) throws Exception {
        Live live = Live.of(engineName, dir, "matey_cancel_data_");
        Path ws = workspace(engineName, "-- migrate:up\nCREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, "
                + "name VARCHAR(40) NOT NULL);\n\n-- migrate:down\nDROP TABLE items;\n");
        Files.createDirectories(ws.resolve("data"));
        Files.writeString(ws.resolve("data/data.toml"), "[core]\nfiles = [{ name = \"items\", table = \"items\", "
                + "mode = \"replace\", order_by = [\"id\"] }]\n");
        Files.writeString(ws.resolve("data/items.jsonl"), "{\"id\": 1, \"name\": \"new\"}\n");
        run(ws, live, "schema", "apply");
        run(ws, live, "db", "up");
        String waiting = engineName.equals("postgres")
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + live.database() + "'"
                        + " AND wait_event_type = 'Lock'"
                : "SELECT count(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p"
                        + " ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT'"
                        + " AND p.DB = '" + live.database() + "'";
        // Another session holds the row the data set updates, so the apply's UPDATE waits on the server.
        try (Connection holder = Engines.byId(engineName).connect(live.url()); Statement st = holder.createStatement()) {
            st.execute("INSERT INTO items (id, name) VALUES (1, 'old')");
            holder.setAutoCommit(false);
            st.execute("UPDATE items SET name = 'held' WHERE id = 1");
            assertThat(signalWhileRunning(ws, live, "TERM", waiting, "data", "apply"))
                    .as("nothing after the signal's line").isEmpty();
            holder.rollback();
        } finally {
            live.drop();
        }
    }

    /**
     * {@code db bootstrap} loads {@code schema.sql}, not the migrations, so what sleeps is a materialized view the
     * dump creates populated: its query runs while the load does, on the live database only. PostgreSQL loads the
     * dump in one transaction, so the cancelled load leaves the database as empty as it was.
     */
    @Test
    void ctrlCCancelsABootstrapLoadOnTheServerAndLeavesTheDatabaseEmpty() throws Exception {
        Live live = Live.of("postgres", dir, "matey_cancel_boot_");
        Path ws = workspace("postgres", "-- migrate:up\nCREATE TABLE t (x INTEGER);\nCREATE MATERIALIZED VIEW slow AS "
                + "SELECT 1 AS done FROM pg_sleep(CASE WHEN current_database() = '" + live.database() + "' THEN 60 ELSE 0 END);"
                + "\n\n-- migrate:down\nDROP MATERIALIZED VIEW slow;\nDROP TABLE t;\n");
        String sleeping = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + live.database() + "'"
                + " AND state = 'active' AND query LIKE '%pg_sleep%'";
        String relations = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";
        run(ws, live, "schema", "apply");
        Engines.byId("postgres").createDatabase(live.url());
        try {
            String before = live.liveValue(relations);
            assertThat(signalWhileRunning(ws, live, "INT", sleeping, "db", "bootstrap"))
                    .as("nothing after the signal's line").isEmpty();
            assertThat(live.liveValue(relations)).as("relations, schema_migrations among them, after the cancelled load").isEqualTo(before);
        } finally {
            live.drop();
        }
    }

    /**
     * On MariaDB the load waits instead: its view reads a table of another database that a session has locked. DDL
     * commits itself there, so what the load created before the cancelled statement stays (the empty migrations
     * table among it), nothing is recorded, and
     * the next {@code db bootstrap} refuses the database (docs/architecture.md §7).
     */
    @Test
    void ctrlCCancelsABootstrapLoadWaitingOnMariaDbAndRecordsNothing() throws Exception {
        Live live = Live.of("mysql", dir, "matey_cancel_boot_");
        MateyUrl other = live.base().withPath(live.database() + "_other");
        Engines.byId("mysql").createDatabase(other);
        try (Connection holder = Engines.byId("mysql").connect(other); Statement st = holder.createStatement()) {
            st.execute("CREATE TABLE locked (id INTEGER)");
            Path ws = workspace("mysql", "-- migrate:up\nCREATE TABLE t (x INTEGER);\nCREATE VIEW v AS SELECT id FROM "
                    + other.path() + ".locked;\n\n-- migrate:down\nDROP VIEW v;\nDROP TABLE t;\n");
            run(ws, live, "schema", "apply");
            Engines.byId("mysql").createDatabase(live.url());
            st.execute("LOCK TABLES locked WRITE");
            assertThat(signalWhileRunning(ws, live, "INT", "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '"
                    + live.database() + "' AND STATE = 'Waiting for table metadata lock'", "db", "bootstrap"))
                    .as("nothing after the signal's line").isEmpty();
            st.execute("UNLOCK TABLES");
            String tables = "SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE()";
            // the migrations table is created before the dump loads (a view may read it), and stays empty
            assertThat(live.liveValue(tables)).as("tables after the cancelled load").isEqualTo("schema_migrations,t");
            assertThat(live.liveValue("SELECT count(*) FROM schema_migrations")).as("versions recorded").isEqualTo("0");
            MateyProcess.Result again = MateyProcess.run(ws, live.env(), "db", "bootstrap");
            assertThat(again.exitCode()).as(again.stderr()).isEqualTo(2);
            assertThat(again.stderr()).contains("requires an empty database");
        } finally {
            live.drop();
            Engines.byId("mysql").dropDatabase(other);
        }
    }

    private static void run(Path ws, Live live, String... command) throws Exception {
        MateyProcess.Result result = MateyProcess.run(ws, live.env(), command);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    /**
     * Starts {@code command}, sends it SIGINT or SIGTERM once the server runs what {@code running} counts, and
     * checks that the command ends with 130 or 143, saying so first, and the server stops running it.
     *
     * @return what the command wrote on stderr after the signal's line
     */
    private static String signalWhileRunning(Path ws, Live live, String signal, String running, String... command)
            throws Exception {
        Path err = Files.createTempFile("matey-err", ".txt");
        Process process = MateyProcess.start(ws, live.env(), Files.createTempFile("matey-out", ".txt"), err, command);
        await(() -> live.any(running), process);
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        boolean interrupt = signal.equals("INT");
        assertThat(process.exitValue()).isEqualTo(interrupt ? 130 : 143);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String said = interrupt ? "error: Interrupted.\n" : "error: Terminated.\n";
        assertThat(stderr).startsWith(said);
        awaitGone(() -> live.any(running));
        assertThat(live.any(running)).as("the server still runs what `" + String.join(" ", command) + "` sent")
                .isFalse();
        return stderr.substring(said.length());
    }

    /** A workspace of one target whose one migration is {@code migration}. */
    private Path workspace(String engine, String migration) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(ws.resolve("config.toml"), "engine = \"" + engine + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.createDirectories(ws.resolve("migrations"));
        Files.writeString(ws.resolve("migrations/001_first.sql"), migration, StandardCharsets.UTF_8);
        return ws;
    }

    /** Waits up to 3 s for what the cancel should end. */
    private static void awaitGone(Condition stillThere) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (stillThere.holds() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
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
}
