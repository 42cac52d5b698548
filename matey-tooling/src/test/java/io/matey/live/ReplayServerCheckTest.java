package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.replay.ReplayOptions;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay server {@code schema apply} records in {@code schema.lock.toml} (docs/architecture.md §4) and the
 * refusal of a live database that cannot reproduce the artifacts before anything runs on it (§7), on MariaDB 10.11
 * ({@code mysql}) and 11.4 ({@code mysql-other}, whose new databases default to {@code utf8mb4_uca1400_ai_ci}).
 */
class ReplayServerCheckTest {

    private static final String LOCK = TestWorkspace.TARGET + "/schema.lock.toml";
    private static final String KEYS = "replay_server_family = \"mariadb\"\nreplay_server_version = \"10.11\"\n"
            + "replay_charset = \"utf8mb4\"\nreplay_collation = \"utf8mb4_general_ci\"\n";

    @TempDir
    Path dir;

    /** A target of two tables, one naming its character set, replayed on 10.11. */
    private TestWorkspace appliedOn1011() {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_t.sql", "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));", "DROP TABLE t;");
        ws.migration("002_u.sql", "CREATE TABLE u (id INT PRIMARY KEY) DEFAULT CHARSET=utf8mb4;", "DROP TABLE u;");
        ws.apply();
        return ws;
    }

    @Test
    void applyRecordsTheReplayServerAfterTheHead() {
        TestWorkspace ws = appliedOn1011();

        assertThat(ws.read(LOCK)).contains("head_schema_digest = \"").contains("\"\n" + KEYS + "\n[[steps]]\n");
    }

    @Test
    void upOnMariaDb114IsRefusedBeforeAnyMigrationRuns() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        try (TestDatabase live = TestDatabase.create("mysql-other")) {
            assertThatThrownBy(() -> up(ws, live))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("db up refused before running anything on " + live.url())
                    .hasMessageContaining("records that its artifacts were replayed on MariaDB 10.11 in a database of "
                            + "default character set utf8mb4 and collation utf8mb4_general_ci, but this database's are "
                            + "utf8mb4 and utf8mb4_uca1400_ai_ci (MariaDB 11.4)")
                    .hasMessageContaining("`ALTER DATABASE `" + live.url().path() + "` CHARACTER SET utf8mb4 COLLATE "
                            + "utf8mb4_general_ci;`")
                    .hasMessageContaining("`matey schema apply --clean --path db/core` with DB_CORE_TEST_DATABASE_URL "
                            + "(test_url) on a server whose new databases get utf8mb4 and utf8mb4_uca1400_ai_ci");
            assertUntouched(live);

            // the advice works: 11.4 with the replay's defaults reproduces 10.11's artifacts
            live.execute("ALTER DATABASE `" + live.url().path() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
            assertThat(up(ws, live).after()).isEqualTo(2);
        }
    }

    @Test
    void upOnADatabaseOfAnotherCharacterSetIsRefusedBeforeAnyMigrationRuns() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        try (TestDatabase live = TestDatabase.create("mysql")) {
            live.execute("ALTER DATABASE `" + live.url().path() + "` CHARACTER SET latin1");

            assertThatThrownBy(() -> up(ws, live))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("but this database's are latin1 and latin1_swedish_ci: a table or column a "
                            + "migration creates without naming its character set or collation takes the database's");
            assertUntouched(live);
        }
    }

    /** 11.4's new databases default to utf8mb4_uca1400_ai_ci: the one db up creates gets 10.11's, as the lock records. */
    @Test
    void upCreatesAMissingDatabaseWithTheReplaysDefaults() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        try (TestDatabase live = TestDatabase.unborn("mysql-other")) {
            assertThat(up(ws, live).after()).isEqualTo(2);
            assertThat(defaults(live)).containsExactly("utf8mb4", "utf8mb4_general_ci");
        }
    }

    /**
     * A lock recording latin1 on a server whose databases default to utf8mb4: db up creates the database latin1 and
     * migrates it, rather than refusing the database it has just created.
     */
    @Test
    void upCreatesAMissingDatabaseInTheRecordedCharacterSet() throws SQLException {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        // a table naming its set dumps the same in a latin1 database as in the utf8mb4 scratch database
        ws.migration("001_u.sql", "CREATE TABLE u (id INT PRIMARY KEY) DEFAULT CHARSET=utf8mb4;", "DROP TABLE u;");
        ws.apply();
        ws.write(LOCK, ws.read(LOCK).replace(KEYS, KEYS.replace("\"utf8mb4\"", "\"latin1\"")
                .replace("utf8mb4_general_ci", "latin1_swedish_ci")));
        try (TestDatabase server = TestDatabase.create("mysql")) {
            assertThat(defaults(server)).as("the server's default differs").containsExactly("utf8mb4", "utf8mb4_general_ci");
            MateyUrl url = server.engine().siblingUrl(TestDatabase.serverBase("mysql"), "mariafix_" + System.nanoTime());
            Matey matey = ws.matey();
            try {
                assertThat(matey.dbUp(matey.target(TestWorkspace.TARGET), url.raw(), line -> { }).after()).isEqualTo(1);
                assertThat(server.firstColumn("SELECT CONCAT(default_character_set_name, ' ', default_collation_name) "
                        + "FROM information_schema.schemata WHERE schema_name = '" + url.path() + "'"))
                        .containsExactly("latin1 latin1_swedish_ci");
            } finally {
                server.engine().dropDatabase(url);
            }
        }
    }

    /**
     * A collation the server lacks (MySQL 8's, which 10.11 does not have): the database gets the server's defaults, is
     * refused and dropped again.
     */
    @Test
    void upCreatingADatabaseWithoutTheRecordedCollationDropsItAgain() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        ws.write(LOCK, ws.read(LOCK).replace("utf8mb4_general_ci", "utf8mb4_0900_ai_ci"));
        try (TestDatabase live = TestDatabase.unborn("mysql");
                TestDatabase server = TestDatabase.create("mysql")) {
            assertThatThrownBy(() -> up(ws, live))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("`CREATE DATABASE `" + live.url().path() + "` CHARACTER SET utf8mb4 COLLATE "
                            + "utf8mb4_0900_ai_ci;`")
                    .hasMessageEndingWith("The database " + live.url() + " that it created was dropped.");
            assertThat(server.firstColumn("SELECT schema_name FROM information_schema.schemata"))
                    .doesNotContain(live.url().path());
        }
    }

    @Test
    void matchingDefaultsMigrateAndADatabaseAtTheHeadIsNotRefused() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        try (TestDatabase live = TestDatabase.create("mysql")) {
            assertThat(up(ws, live).after()).isEqualTo(2);
            // at the head nothing runs, so the defaults no longer matter: a check of the database passes
            live.execute("ALTER DATABASE `" + live.url().path() + "` CHARACTER SET latin1");
            assertThat(up(ws, live).after()).isEqualTo(2);
        }
    }

    @Test
    void bootstrapLoadsIntoADatabaseOfOtherDefaults() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        try (TestDatabase live = TestDatabase.create("mysql-other")) {
            Matey matey = ws.matey();

            assertThat(matey.dbBootstrap(matey.target(TestWorkspace.TARGET), live.url().raw(), line -> { }).after()).isEqualTo(2);
        }
    }

    @Test
    void anotherServerFamilyIsRefusedByEveryLiveCommand() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        ws.write(LOCK, ws.read(LOCK).replace("replay_server_family = \"mariadb\"", "replay_server_family = \"mysql\""));
        try (TestDatabase live = TestDatabase.create("mysql")) {
            Matey matey = ws.matey();
            String refusal = "records that its artifacts were replayed on MySQL 10.11, but this database is on "
                    + "MariaDB 10.11, whose dumps differ";
            assertThatThrownBy(() -> up(ws, live)).hasMessageContaining(refusal);
            assertThatThrownBy(() -> matey.dbBootstrap(matey.target(TestWorkspace.TARGET), live.url().raw(), line -> { }))
                    .hasMessageContaining("db bootstrap refused before running anything").hasMessageContaining(refusal);
            assertUntouched(live);
            assertThatThrownBy(() -> matey.dbDrift(matey.target(TestWorkspace.TARGET), live.url().raw()))
                    .hasMessageContaining("db drift refused before running anything").hasMessageContaining(refusal);
            assertThatThrownBy(() -> matey.dbPlan(matey.target(TestWorkspace.TARGET), live.url().raw()))
                    .hasMessageContaining("db plan refused before running anything").hasMessageContaining(refusal);
        }
    }

    @Test
    void aLockWithoutTheKeysIsNotCheckedNorRewrittenUntilItChanges() throws SQLException {
        TestWorkspace ws = appliedOn1011();
        ws.lockWithoutReplayServer();
        String earlier = ws.read(LOCK);
        assertThat(earlier).doesNotContain("replay_");

        assertThat(ws.plan().match()).isTrue();
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.read(LOCK)).isEqualTo(earlier);
        try (TestDatabase live = TestDatabase.create("mysql")) {
            // as before the keys: the migrations run, and the post-check reports the latin1 table
            live.execute("ALTER DATABASE `" + live.url().path() + "` CHARACTER SET latin1");
            assertThatThrownBy(() -> up(ws, live)).hasMessageContaining("+) ENGINE=InnoDB DEFAULT CHARSET=latin1;");
            assertThat(live.firstColumn("SELECT version FROM schema_migrations")).containsExactly("001", "002");
        }

        ws.migration("003_v.sql", "CREATE TABLE v (id INT PRIMARY KEY);", "DROP TABLE v;");
        ws.apply();
        assertThat(ws.read(LOCK)).contains(KEYS);
    }

    @Test
    void aReplayOnAnotherServerKeepsTheKeysUnlessClean() {
        TestWorkspace ws = appliedOn1011();
        String other = TestDatabase.serverBase("mysql-other").raw();

        assertThat(ws.apply(new ReplayOptions(null, other, false, false)).changed()).isFalse();
        assertThat(ws.read(LOCK)).contains(KEYS);
        ws.apply(new ReplayOptions(null, other, true, false));
        assertThat(ws.read(LOCK)).contains("replay_server_version = \"11.4\"\nreplay_charset = \"utf8mb4\"\n"
                + "replay_collation = \"utf8mb4_uca1400_ai_ci\"\n");
    }

    private static LiveChange up(TestWorkspace ws, TestDatabase live) {
        Matey matey = ws.matey();
        return matey.dbUp(matey.target(TestWorkspace.TARGET), live.url().raw(), line -> { });
    }

    private static List<String> defaults(TestDatabase live) throws SQLException {
        return live.firstColumn("SELECT @@character_set_database UNION ALL SELECT @@collation_database");
    }

    /** Nothing ran: no schema_migrations, no table. */
    private static void assertUntouched(TestDatabase live) throws SQLException {
        assertThat(live.firstColumn("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"))
                .isEmpty();
    }
}
