package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.engine.MigrationTable;
import io.matey.schema.SchemaDump;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class MysqlEngineTest {

    @Test
    void createsChecksAndDropsDatabases() throws SQLException {
        TestDatabase db = TestDatabase.unborn("mysql");
        Engine engine = db.engine();
        assertThat(engine.databaseExists(db.url())).isFalse();

        engine.createDatabase(db.url());
        engine.createDatabase(db.url());
        assertThat(engine.databaseExists(db.url())).isTrue();
        try (Connection c = db.connect()) {
            assertThat(c.getCatalog()).isEqualTo(db.url().path());
        }

        engine.dropDatabase(db.url());
        engine.dropDatabase(db.url());
        assertThat(engine.databaseExists(db.url())).isFalse();
    }

    @Test
    void connectingToAMissingDatabaseSaysSo() {
        TestDatabase db = TestDatabase.unborn("mysql");

        assertThatThrownBy(db::connect).isInstanceOf(SQLException.class)
                .hasMessageContaining("Unknown database '" + db.url().path() + "'");
    }

    @Test
    void migrationTableRecordsVersionsAndItsDumpBlockLoadsBack() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); TestDatabase copy = TestDatabase.create("mysql")) {
            MigrationTable table = db.engine().migrationTable();
            String dump;
            try (Connection c = db.connect()) {
                assertThat(table.exists(c)).isFalse();
                assertThat(table.appliedVersions(c)).isEmpty();
                table.ensure(c);
                table.ensure(c);
                db.execute("CREATE TABLE t (id int PRIMARY KEY)");
                table.record(c, "20260102000000");
                table.record(c, "20260101000000");
                table.record(c, "20260103000000");
                table.remove(c, "20260103000000");

                assertThat(table.appliedVersions(c)).containsExactly("20260101000000", "20260102000000");
                dump = SchemaDump.dump(db.engine(), c);
            }
            assertThat(dump).contains(SchemaDump.MIGRATIONS_MARKER).contains("CREATE TABLE `t`");
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
        try (TestDatabase db = TestDatabase.create("mysql"); Connection first = db.connect(); Connection second = db.connect()) {
            Engine engine = db.engine();
            Engine.MigrationLock held = engine.lockMigrations(first);

            Future<Engine.MigrationLock> waiting = executor.submit(() -> engine.lockMigrations(second));
            assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

            held.close();
            waiting.get(10, TimeUnit.SECONDS).close();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void migrationLockIsPerDatabase() throws SQLException {
        try (TestDatabase one = TestDatabase.create("mysql"); TestDatabase other = TestDatabase.create("mysql");
                Connection a = one.connect(); Connection b = other.connect();
                Engine.MigrationLock first = one.engine().lockMigrations(a);
                Engine.MigrationLock second = other.engine().lockMigrations(b)) {
            assertThat(List.of(first, second)).doesNotContainNull();
        }
    }

    @Test
    void longDatabaseNamesGetALockNameMysqlAccepts() {
        String name = MysqlMigrationLock.lockName("d".repeat(64));

        assertThat(name).startsWith("matey:").hasSize(64).isEqualTo(MysqlMigrationLock.lockName("d".repeat(64)));
        assertThat(MysqlMigrationLock.lockName("shop")).isEqualTo("matey:shop");
    }

    /**
     * A user without PROCESS cannot see another user's connection in the process list, but IS_USED_LOCK names it:
     * the timeout gives its id and says who may kill it.
     */
    @Test
    void aTimeoutSeenByAUserWithoutProcessNamesTheHoldingConnection() throws SQLException {
        String user = "matey_waiter_" + UUID.randomUUID().toString().substring(0, 8);
        try (TestDatabase db = TestDatabase.create("mysql"); Connection holder = db.connect()) {
            try (Statement st = holder.createStatement()) {
                st.execute("CREATE USER '" + user + "'@'%'");
                st.execute("GRANT ALL ON `" + holder.getCatalog() + "`.* TO '" + user + "'@'%'");
            }
            try (Engine.MigrationLock held = db.engine().lockMigrations(holder)) {
                MateyUrl asWaiter = MateyUrl.parse(db.url().raw().replace(db.url().user() + "@", user + "@"));
                try (Connection waiter = db.engine().connect(asWaiter)) {
                    long holderId = Long.parseLong(TestDatabase.firstValue(holder, "SELECT CONNECTION_ID()"));
                    assertThatThrownBy(() -> db.engine().lockMigrations(waiter, Duration.ofMillis(200)))
                            .isInstanceOf(MigrationLockTimeoutException.class)
                            .hasMessageContaining("it is held by connection " + holderId + ".")
                            .hasMessageContaining("To end the holding session, its user or one with the CONNECTION "
                                    + "ADMIN (SUPER) privilege runs: KILL CONNECTION " + holderId + ";");
                }
            } finally {
                try (Statement st = holder.createStatement()) {
                    st.execute("DROP USER '" + user + "'@'%'");
                }
            }
        }
    }
}
