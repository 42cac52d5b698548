package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.engine.MigrationRunner;
import io.matey.engine.MigrationTable;
import io.matey.migration.Migration;
import io.matey.schema.SchemaDump;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The ClickHouse engine on the real engine (MATEY_TEST_CLICKHOUSE_URL): databases, schema_migrations, lock. */
class ClickHouseEngineTest {

    /** dbmate's own DDL (pkg/driver/clickhouse, CreateMigrationsTable), as dbmate sends it. */
    private static final String DBMATE_CREATE = """
            create table if not exists schema_migrations (
            	version String,
            	ts DateTime default now(),
            	applied UInt8 default 1
            ) engine = ReplacingMergeTree(ts)
            primary key version
            order by version""";

    @Test
    void createsChecksAndDropsDatabases() throws SQLException {
        TestDatabase db = TestDatabase.unborn("clickhouse");
        Engine engine = db.engine();
        assertThat(engine.databaseExists(db.url())).isFalse();
        assertThat(engine.connectIfExists(db.url())).isEmpty();

        engine.createDatabase(db.url());
        engine.createDatabase(db.url());
        assertThat(engine.databaseExists(db.url())).isTrue();
        assertThat(engine.databasesNamed(db.url(), db.url().path())).containsExactly(db.url().path());
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT currentDatabase()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.url().path());
        }

        engine.dropDatabase(db.url());
        engine.dropDatabase(db.url());
        assertThat(engine.databaseExists(db.url())).isFalse();
        assertThat(engine.databasesNamed(db.url(), db.url().path())).isEmpty();
    }

    @Test
    void quotedNamesKeepBackslashesAndBackticks() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect();
                Statement st = c.createStatement()) {
            String name = "odd\\b`name";
            st.execute("CREATE TABLE " + db.engine().quote(name) + " (x UInt8) ENGINE = Memory");
            try (ResultSet rs = st.executeQuery("SELECT name FROM system.tables WHERE database = currentDatabase()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(name);
            }
        }
    }

    @Test
    void connectingToAMissingDatabaseSaysSoWithoutThePassword() {
        TestDatabase db = TestDatabase.unborn("clickhouse");

        assertThatThrownBy(db::connect).isInstanceOf(SQLException.class)
                .hasMessageContaining("Unknown database '" + db.url().path() + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(passwordOf(db.url())));
    }

    @Test
    void aWrongPasswordIsReportedMasked() {
        MateyUrl server = TestDatabase.serverBase("clickhouse");
        MateyUrl wrong = MateyUrl.parse("clickhouse://" + (server.user() == null ? "default" : server.user())
                + ":not-the-password-42@" + server.host() + ":" + server.port() + "/default");

        assertThatThrownBy(() -> new ClickHouseEngine().connect(wrong)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Authentication failed").hasMessageNotContaining("not-the-password-42")
                .hasMessageNotContaining("queryId").hasMessageNotContaining("ClickHouseNode");
    }

    /** The driver's query id and node description are for its logs; a failed statement reads as the server's words. */
    @Test
    void aFailedStatementIsReportedWithoutTheDriversNoise() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            Migration bad = new Migration("migrations/002_bad.sql", "002", """
                    -- migrate:up
                    SELEC 1;
                    -- migrate:down
                    SELECT 1;
                    """.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(bad))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("migrations/002_bad.sql:2: up section failed: Code: 62. DB::Exception: Syntax")
                    .hasMessageContaining("(SYNTAX_ERROR). Statement: 'SELEC 1'.")
                    .hasMessageNotContaining("queryId");
        }
    }

    @Test
    void readsAndWritesTheTableDbmateCreatesIncludingRollbackRows() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            MigrationTable table = db.engine().migrationTable();
            assertThat(table.exists(c)).isFalse();
            assertThat(table.appliedVersions(c)).isEmpty();
            execute(c, DBMATE_CREATE);
            // dbmate's InsertMigration and DeleteMigration: a rollback is a later row with applied = 0
            execute(c, "insert into schema_migrations (version) values ('20240101000000')");
            execute(c, "insert into schema_migrations (version) values ('20240102000000')");
            execute(c, "insert into schema_migrations (version) values ('20240103000000')");
            execute(c, "insert into schema_migrations (version, applied) values ('20240103000000', 0)");
            execute(c, "insert into schema_migrations (version, applied) values ('20240102000000', 0)");
            execute(c, "insert into schema_migrations (version) values ('20240102000000')");

            assertThat(table.exists(c)).isTrue();
            assertThat(table.appliedVersions(c)).containsExactly("20240101000000", "20240102000000");

            table.ensure(c);
            table.record(c, "20240104000000");
            table.remove(c, "20240101000000");
            assertThat(table.appliedVersions(c)).containsExactly("20240102000000", "20240104000000");
            // dbmate's SelectMigrations reads what Matey wrote
            assertThat(strings(c, "select version from schema_migrations final where applied order by version desc"))
                    .containsExactly("20240104000000", "20240102000000");
        }
    }

    @Test
    void theTableMateyCreatesIsDbmatesAndItsDumpBlockLoadsBack() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); TestDatabase dbmate = TestDatabase.create("clickhouse");
                TestDatabase copy = TestDatabase.create("clickhouse")) {
            MigrationTable table = db.engine().migrationTable();
            String dump;
            try (Connection c = db.connect(); Connection d = dbmate.connect()) {
                table.ensure(c);
                execute(d, DBMATE_CREATE);
                assertThat(showCreate(c)).isEqualTo(showCreate(d).replace(dbmate.url().path(), db.url().path()));
                execute(c, "CREATE TABLE t (id UInt64) ENGINE = MergeTree ORDER BY id");
                table.record(c, "20260102000000");
                table.record(c, "20260101000000");
                table.record(c, "2026'03");
                table.remove(c, "2026'03");
                dump = SchemaDump.dump(db.engine(), c);
            }
            assertThat(dump).contains(SchemaDump.MIGRATIONS_MARKER).contains("CREATE TABLE t\n");
            assertThat(SchemaDump.withoutMigrations(dump)).doesNotContain("schema_migrations");

            copy.execute(dump);

            try (Connection c = copy.connect()) {
                assertThat(table.appliedVersions(c)).containsExactly("20260101000000", "20260102000000");
                assertThat(SchemaDump.dump(copy.engine(), c)).isEqualTo(dump);
            }
        }
    }

    @Test
    void migrationLockMakesASecondSessionWaitUntilReleased() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection first = db.connect(); Connection second = db.connect()) {
            Engine engine = db.engine();
            Engine.MigrationLock held = engine.lockMigrations(first);
            assertThat(engine.dumpSchema(first)).as("the lock is not part of the schema").isEmpty();

            assertThatThrownBy(() -> engine.lockMigrations(second, Duration.ofMillis(300)))
                    .isInstanceOf(MigrationLockTimeoutException.class)
                    .hasMessageContaining("held by process " + ProcessHandle.current().pid())
                    .hasMessageContaining("DROP TABLE `" + db.url().path() + "`.matey_migration_lock");
            Future<Engine.MigrationLock> waiting = executor.submit(() -> engine.lockMigrations(second));
            assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

            held.close();
            waiting.get(10, TimeUnit.SECONDS).close();
            assertThat(strings(first, "SELECT name FROM system.tables WHERE database = currentDatabase()")).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aLockLeftByAnEndedProcessOfThisMachineIsTakenOverAndItsHolderNoLongerReleasesIt() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            Process ended = new ProcessBuilder("true").start();
            ended.waitFor();
            Engine.MigrationLock left = db.engine().lockMigrations(c);
            String hostAndBoot = ClickHouseConnector.literal(strings(c, "SELECT host FROM matey_migration_lock").get(0)) + ", "
                    + ClickHouseConnector.literal(strings(c, "SELECT boot FROM matey_migration_lock").get(0));
            execute(c, "TRUNCATE TABLE matey_migration_lock");
            execute(c, "INSERT INTO matey_migration_lock SELECT 'ended', " + hostAndBoot + ", " + ended.pid() + ", now()");

            try (Engine.MigrationLock taken = db.engine().lockMigrations(c, Duration.ofSeconds(2))) {
                assertThat(strings(c, "SELECT pid FROM matey_migration_lock"))
                        .containsExactly(String.valueOf(ProcessHandle.current().pid()));
                left.close();
                assertThat(strings(c, "EXISTS TABLE matey_migration_lock")).as("still the new holder's").containsExactly("1");
            }
            assertThat(strings(c, "EXISTS TABLE matey_migration_lock")).containsExactly("0");
        }
    }

    @Test
    void migrationLockIsPerDatabase() throws SQLException {
        try (TestDatabase one = TestDatabase.create("clickhouse"); TestDatabase other = TestDatabase.create("clickhouse");
                Connection a = one.connect(); Connection b = other.connect();
                Engine.MigrationLock first = one.engine().lockMigrations(a, Duration.ofSeconds(1));
                Engine.MigrationLock second = other.engine().lockMigrations(b, Duration.ofSeconds(1))) {
            assertThat(List.of(first, second)).doesNotContainNull();
        }
    }

    private static String showCreate(Connection c) throws SQLException {
        return strings(c, "SHOW CREATE TABLE schema_migrations").get(0);
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String passwordOf(MateyUrl url) {
        return url.password() == null || url.password().isEmpty() ? "\u0000no password\u0000" : url.password();
    }
}
