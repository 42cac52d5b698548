package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of a {@code db up} process at random statements inside a multi-statement MariaDB migration (DDL commits
 * itself, so the migration stays half-applied): the next {@code db status} and {@code db up} report the interrupted
 * migration with the drift diff, and {@code db up --resume} converges to head with a clean drift.
 */
class InterruptedMigrationTest {

    private static final int TABLES = 10;
    private static final int STATEMENTS = 3 * TABLES;
    private static final Pattern REPORT = Pattern.compile("migration migrations/002_many\\.sql was interrupted after "
            + "statement (\\d+) of " + STATEMENTS + " \\(up section\\)(; statement \\d+ \\(line \\d+\\) may also have "
            + "taken effect)?; the database holds a partial state");

    @TempDir
    Path dir;

    @Test
    void killNineInsideAMariadbMigrationIsReportedAndResumeConverges() throws Exception {
        Random random = new Random(Long.getLong("matey.test.seed", System.nanoTime()));
        TestWorkspace ws = new TestWorkspace(dir.resolve("ws"), "mysql");
        ws.migration("001_base.sql", "CREATE TABLE base (id int PRIMARY KEY);", "DROP TABLE base;");
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (int i = 1; i <= TABLES; i++) {
            up.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, note varchar(20));\n")
                    .append("INSERT INTO base VALUES (").append(i).append(");\n")
                    .append("DO SLEEP(0.05);\n");
            down.append("DROP TABLE t").append(i).append(";\n");
        }
        down.append("DELETE FROM base;");
        ws.migration("002_many.sql", up.toString(), down.toString());
        ws.apply();

        int interrupted = 0;
        for (int trial = 0; trial < 4; trial++) {
            try (LiveHarness h = LiveHarness.unborn(dir.resolve("trial" + trial), "mysql")) {
                copyWorkspace(ws, h.ws);
                int killAt = 1 + random.nextInt(STATEMENTS - 2);
                killDuringUp(h, killAt, random.nextInt(40));

                LiveStatus status = h.status();
                if (status.interrupted() == null) {
                    h.up(); // killed before the migration began or after it ended: an ordinary db up finishes
                } else {
                    interrupted++;
                    assertInterruptedReportAndResume(h, status);
                }
                assertThat(h.drift().drifted()).isFalse();
                assertThat(h.recordedVersions()).isEqualTo(2);
                assertThat(h.status().interrupted()).isNull();
                assertThat(count(h, "SELECT COUNT(*) FROM base")).as("each INSERT ran exactly once").isEqualTo(TABLES);
                assertThatThrownBy(() -> count(h, "SELECT COUNT(*) FROM matey_migration_progress"))
                        .as("the run that got through dropped the emptied table").isInstanceOf(SQLException.class);
            }
        }
        assertThat(interrupted).as("kills that landed inside the migration").isGreaterThanOrEqualTo(2);
    }

    /**
     * A {@code CREATE USER} is counted before it runs (it commits itself, and no dump shows the account): a kill
     * between the count and the statement leaves a count the live accounts disprove, so the resume runs it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aCreateUserCountedButNotRunBeforeAKillRunsOnResume(String engine) throws Exception {
        String account = "'" + LiveHarness.newRole("mysqlfix_c_") + "'@'%'";
        Engine mysql = Engines.byId("mysql");
        try (LiveHarness h = LiveHarness.created(dir, engine)) {
            h.ws.migration("001_accounts.sql", "CREATE TABLE widgets (id int PRIMARY KEY);\nCREATE USER " + account
                    + ";\nCREATE TABLE gadgets (id int PRIMARY KEY);", "DROP TABLE gadgets;\nDROP USER " + account
                    + ";\nDROP TABLE widgets;");
            h.ws.apply();
            try (Connection c = h.db.connect()) {
                mysql.migrationTable().ensure(c);
                mysql.progressTable().begin(c, "001", MigrationRunner.UP, 2, 3);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE widgets (id int PRIMARY KEY)");
                }
            }
            assertThat(h.status().interrupted().done()).isEqualTo(2);

            h.live.upResuming(h.target(), h.url());

            assertThat(h.recordedVersions()).isEqualTo(1);
            try (Connection c = h.db.connect(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SHOW GRANTS FOR " + account)) {
                assertThat(rs.next()).as("the CREATE USER ran on resume").isTrue();
            }
        } finally {
            try (Connection c = mysql.connect(mysql.siblingUrl(TestDatabase.serverBase(engine), "mysql"));
                    Statement st = c.createStatement()) {
                st.execute("DROP USER IF EXISTS " + account);
            }
        }
    }

    /** The same machinery for {@code transaction:false} sections, where a failure stops them partway. */
    @ParameterizedTest
    @EngineMatrix(transactionalDdl = true)
    void aNonTransactionalSectionThatStopsPartwayIsReportedAndResumed(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.apply();
            h.up();
            h.db.execute("INSERT INTO it_one (id, name) VALUES (1, 'live');");
            // PostgreSQL runs a transaction:false section in one transaction unless a statement refuses one: with
            // CONCURRENTLY it runs them one by one, which dbmate fails on (L013), so the target must allow it.
            boolean postgres = engine.equals("postgres");
            if (postgres) {
                h.ws.write(TestWorkspace.TARGET + "/config.toml", h.ws.read(TestWorkspace.TARGET + "/config.toml")
                        + "allow_non_dbmate_files = true\n");
            }
            String up = h.ws.createTable("it_two") + "\nCREATE INDEX " + (postgres ? "CONCURRENTLY " : "")
                    + "it_two_name ON it_two (name);\n";
            h.ws.write(TestWorkspace.TARGET + "/migrations/002_two.sql", "-- migrate:up transaction:false\n" + up
                    + "INSERT INTO it_one (id, name) VALUES (1, 'x');\n\n-- migrate:down transaction:false\n"
                    + "DROP TABLE it_two;\nDELETE FROM it_one WHERE name = 'x';\n");
            h.ws.apply();

            assertThatThrownBy(h::up).hasMessageContaining("Statements at line(s) 2, 3 took effect and stay applied");
            LiveStatus status = h.status();
            assertThat(status.interrupted().describe()).startsWith("migration migrations/002_two.sql was interrupted "
                    + "after statement 2 of 3 (up section)");
            assertThat(status.interrupted().diff()).contains("it_two",
                    "--- checkpoints/001_one.sql (committed, before migrations/002_two.sql up)\n+++ live database\n");
            assertThatThrownBy(h::up).hasMessageStartingWith("db up refused: migration migrations/002_two.sql");
            // the partial state is for db up --resume to finish, not drift to keep
            LiveDrift drift = h.drift();
            assertThat(drift.status()).isEqualTo("interrupted");
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.interrupted().describe()).isEqualTo(status.interrupted().describe());
            assertThatThrownBy(drift::keepingDraft).hasMessageStartingWith("No draft: migration "
                    + "migrations/002_two.sql was interrupted after statement 2 of 3").hasMessageContaining("--resume`");
            assertThat(h.plan().interrupted().describe()).isEqualTo(status.interrupted().describe());
            assertThat(count(h, "SELECT COUNT(*) FROM matey_migration_progress")).as("the marker stays").isEqualTo(1);

            // On PostgreSQL the fixed section runs in one transaction (no CONCURRENTLY left), which still ends the marker.
            h.ws.write(TestWorkspace.TARGET + "/migrations/002_two.sql", "-- migrate:up transaction:false\n"
                    + up.replace("CONCURRENTLY ", "")
                    + "INSERT INTO it_one (id, name) VALUES (2, 'x');\n\n-- migrate:down transaction:false\n"
                    + "DROP TABLE it_two;\nDELETE FROM it_one WHERE name = 'x';\n");
            h.ws.apply();
            LiveChange resumed = h.live.upResuming(h.target(), h.url());

            assertThat(resumed.after()).isEqualTo(2);
            assertThat(h.drift().drifted()).isFalse();
            assertThat(h.status().interrupted()).isNull();
            assertThat(count(h, "SELECT COUNT(*) FROM it_one")).isEqualTo(2);
            // The table exists only while it holds a marker: dumps of this database match a bootstrapped one's.
            assertThatThrownBy(() -> count(h, "SELECT COUNT(*) FROM matey_migration_progress"))
                    .as("dropped by the run that emptied it").isInstanceOf(SQLException.class);

            h.down(1);
            assertThatThrownBy(() -> count(h, "SELECT COUNT(*) FROM matey_migration_progress"))
                    .as("a transaction:false down section's run drops it too").isInstanceOf(SQLException.class);
        }
    }

    private static void assertInterruptedReportAndResume(LiveHarness h, LiveStatus status) throws SQLException {
        String report = status.interrupted().describe();
        assertThat(report).matches(REPORT);
        assertThat(status.applied()).isEqualTo(1);
        if (status.interrupted().done() > 0) {
            assertThat(status.interrupted().diff()).contains("CREATE TABLE `t1`");
            assertThat(h.drift().drifted()).isTrue();
        }
        assertThatThrownBy(h::up).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("db up refused: " + report + ":\n")
                .hasMessageContaining("`matey db up --path db/core --url '" + h.db.url() + "' --resume`");
        assertThatThrownBy(() -> h.down(1)).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("db down refused: " + report);

        LiveChange resumed = h.live.upResuming(h.target(), h.url());
        assertThat(resumed.before()).isEqualTo(1);
        assertThat(resumed.after()).isEqualTo(2);
    }

    /** Starts {@code db up} in its own JVM and kills it (SIGKILL) once the marker says {@code killAt} statements ran. */
    private static void killDuringUp(LiveHarness h, int killAt, int jitterMillis) throws Exception {
        Path gate = h.ws.root().resolve("gate");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConcurrentUpMain.class.getName(), h.ws.root().toString(), TestWorkspace.TARGET, h.url(), gate.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader reader = process.inputReader(StandardCharsets.UTF_8);
            for (String line = reader.readLine(); line != null && !line.equals("ready"); line = reader.readLine()) {
                // driver output before the process is ready
            }
            Files.createFile(gate);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (process.isAlive() && progress(h) < killAt && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(jitterMillis);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Statements the marker says took effect; 0 before the migration started (or after it finished). */
    private static int progress(LiveHarness h) {
        try {
            return count(h, "SELECT COALESCE(MAX(done), 0) FROM matey_migration_progress");
        } catch (SQLException notYet) {
            return 0; // the database or the table does not exist yet
        }
    }

    private static int count(LiveHarness h, String sql) throws SQLException {
        try (Connection c = h.db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void copyWorkspace(TestWorkspace from, TestWorkspace to) {
        from.files().forEach((path, text) -> to.write(TestWorkspace.TARGET + "/" + path, text));
    }
}
