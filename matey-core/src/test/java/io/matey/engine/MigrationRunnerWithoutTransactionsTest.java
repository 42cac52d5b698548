package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.sqlite.SqliteEngine;
import io.matey.lint.LintDialect;
import io.matey.migration.Migration;
import io.matey.migration.SqlDialect;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An engine that declares no transactions (ClickHouse) gets every section statement by statement in auto-commit,
 * whatever its directive says. Shown on a real SQLite database through an engine that declares SQLite without
 * transactions, so the runner cannot lean on a rollback.
 */
class MigrationRunnerWithoutTransactionsTest {

    private static final Migration BAD = new Migration("migrations/002_bad.sql", "002", """
            -- migrate:up
            CREATE TABLE good (id INTEGER);
            INSERT INTO missing VALUES (1);
            -- migrate:down
            DROP TABLE good;
            """.getBytes(StandardCharsets.UTF_8));

    private final Engine engine = new SqliteWithoutTransactions();

    @Test
    void aFailureLeavesTheStatementsBeforeItAndNamesThem() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            engine.migrationTable().ensure(c);
            assertThatThrownBy(() -> new MigrationRunner(engine, c, FailureCommands.ROOT).up(BAD))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("migrations/002_bad.sql:3: up section failed")
                    .hasMessageContaining("Statements at line(s) 2 took effect and stay applied (sqlite has no "
                            + "transactions); its version is not recorded.")
                    .hasMessageNotContaining("rolled back");
            assertThat(engine.dumpSchema(c)).contains("CREATE TABLE good");
            assertThat(engine.progressTable().read(c)).hasValueSatisfying(marker -> assertThat(marker.done()).isEqualTo(1));
            assertThat(engine.migrationTable().appliedVersions(c)).isEmpty();
        }
    }

    @Test
    void aSectionCompletesWithItsVersionAndNoMarker() throws SQLException {
        Migration good = new Migration("migrations/001_good.sql", "001", """
                -- migrate:up
                CREATE TABLE a (id INTEGER);
                CREATE TABLE b (id INTEGER);
                -- migrate:down
                DROP TABLE b;
                DROP TABLE a;
                """.getBytes(StandardCharsets.UTF_8));
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            engine.migrationTable().ensure(c);
            new MigrationRunner(engine, c, FailureCommands.ROOT).up(good);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(engine.migrationTable().appliedVersions(c)).containsExactly("001");
            assertThat(engine.progressTable().read(c)).isEmpty();
            new MigrationRunner(engine, c, FailureCommands.ROOT).down(good);
            assertThat(engine.migrationTable().appliedVersions(c)).isEmpty();
            assertThat(engine.dumpSchema(c)).isEmpty();
        }
    }

    /** SQLite as it is, except that it declares no transactions. */
    private static final class SqliteWithoutTransactions implements Engine {
        private final Engine sqlite = new SqliteEngine();

        @Override
        public boolean transactions() {
            return false;
        }

        @Override
        public boolean transactionalDdl() {
            return false;
        }

        @Override
        public String id() {
            return sqlite.id();
        }

        @Override
        public String pastedParameter(String key, String pair) {
            return sqlite.pastedParameter(key, pair);
        }

        @Override
        public List<String> aliases() {
            return List.of();
        }

        @Override
        public SqlDialect dialect() {
            return sqlite.dialect();
        }

        @Override
        public String quote(String identifier) {
            return sqlite.quote(identifier);
        }

        @Override
        public LintDialect lint() {
            return sqlite.lint();
        }

        @Override
        public Connection connect(MateyUrl url) throws SQLException {
            return sqlite.connect(url);
        }

        @Override
        public boolean databaseExists(MateyUrl url) throws SQLException {
            return sqlite.databaseExists(url);
        }

        @Override
        public void createDatabase(MateyUrl url) throws SQLException {
            sqlite.createDatabase(url);
        }

        @Override
        public void dropDatabase(MateyUrl url) throws SQLException {
            sqlite.dropDatabase(url);
        }

        @Override
        public MateyUrl siblingUrl(MateyUrl base, String name) {
            return sqlite.siblingUrl(base, name);
        }

        @Override
        public MigrationTable migrationTable() {
            return sqlite.migrationTable();
        }

        @Override
        public String dumpSchema(Connection connection) throws SQLException {
            return sqlite.dumpSchema(connection);
        }

        @Override
        public MigrationLock lockMigrations(Connection connection, Duration timeout, LockWaiting waiting)
                throws SQLException {
            return sqlite.lockMigrations(connection, timeout, waiting);
        }
    }
}
