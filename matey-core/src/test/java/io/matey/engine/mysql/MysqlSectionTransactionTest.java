package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A section runs in a transaction on MariaDB as under dbmate (docs/architecture.md §7): DDL commits it implicitly, so a
 * failure leaves in effect the statements up to the last one that committed, and rolls back the rest, which the
 * failure names. Here through {@code matey dbmate}'s runner, which records no progress.
 */
class MysqlSectionTransactionTest {

    private static final String FILE = "migrations/20260101120000_fill.sql";

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aSectionOfRowWritesIsRolledBackWhole(String server) throws SQLException {
        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect()) {
            table(db, c);

            assertThatThrownBy(() -> up(db, c, """
                    UPDATE t SET n = n + 100;
                    UPDATE t SET v = 'longer than three' WHERE id = 1;
                    """)).hasMessageContaining(FILE + ":3: up section failed")
                    .hasMessageContaining("No statement of this section took effect: it was rolled back, as none of the "
                            + "statements before the failed one commits implicitly; its version is not recorded")
                    .hasMessageNotContaining("stay applied");

            assertThat(TestDatabase.firstValue(c, "SELECT SUM(n) FROM t")).isEqualTo("0");
            assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aDownSectionOfRowWritesIsRolledBackWhole(String server) throws SQLException {
        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect()) {
            table(db, c);
            Migration migration = new Migration(FILE, "20260101120000", """
                    -- migrate:up
                    UPDATE t SET n = n + 1;
                    -- migrate:down
                    UPDATE t SET n = n - 1;
                    UPDATE t SET v = 'longer than three' WHERE id = 1;
                    """.getBytes(StandardCharsets.UTF_8));
            MigrationRunner runner = new MigrationRunner(db.engine(), db.engine().migrationTable(), c);
            runner.up(migration);

            assertThatThrownBy(() -> runner.down(migration)).hasMessageContaining(FILE + ":5: down section failed")
                    .hasMessageContaining("No statement of this section took effect: it was rolled back, as none of the "
                            + "statements before the failed one commits implicitly; its version stays recorded");
            assertThat(TestDatabase.firstValue(c, "SELECT SUM(n) FROM t")).isEqualTo("2");
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20260101120000");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aFailureNamesWhatTheLastImplicitCommitKeptAndWhatRolledBack(String server) throws SQLException {
        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect()) {
            table(db, c);

            assertThatThrownBy(() -> up(db, c, """
                    INSERT INTO t VALUES (3, 0, 'c');
                    ALTER TABLE t ADD COLUMN w INT NULL;
                    UPDATE t SET w = 7;
                    UPDATE t SET v = 'longer than three' WHERE id = 1;
                    """)).hasMessageContaining(FILE + ":5: up section failed")
                    .hasMessageContaining("Statements at line(s) 2, 3 took effect and stay applied (mysql commits DDL "
                            + "implicitly); those after the last implicit commit, at line(s) 4, were rolled back; its "
                            + "version is not recorded.");

            assertThat(TestDatabase.firstValue(c, "SELECT COUNT(*) FROM t")).isEqualTo("3");
            assertThat(TestDatabase.firstValue(c, "SELECT COUNT(w) FROM t")).isEqualTo("0");
        }
    }

    /** The server commits before it runs DDL, so a DDL statement that fails has committed the rows before it. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aFailedDdlStatementHasCommittedTheStatementsBeforeIt(String server) throws SQLException {
        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect()) {
            table(db, c);

            assertThatThrownBy(() -> up(db, c, """
                    UPDATE t SET n = n + 100;
                    ALTER TABLE t ADD COLUMN n INT;
                    """)).hasMessageContaining("Duplicate column")
                    .hasMessageContaining("Statements at line(s) 2 took effect and stay applied")
                    .hasMessageNotContaining("rolled back");
            assertThat(TestDatabase.firstValue(c, "SELECT SUM(n) FROM t")).isEqualTo("200");

            // refused as a syntax error before the server committed anything
            assertThatThrownBy(() -> up(db, c, """
                    UPDATE t SET n = n + 100;
                    ALTER TABLE t ADD COLUMN COLUMN x INT;
                    """)).hasMessageContaining("No statement of this section took effect: it was rolled back");
            assertThat(TestDatabase.firstValue(c, "SELECT SUM(n) FROM t")).isEqualTo("200");
        }
    }

    private static void table(TestDatabase db, Connection c) throws SQLException {
        db.execute("CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL, v VARCHAR(3));"
                + "\nINSERT INTO t VALUES (1, 0, 'a'), (2, 0, 'b');");
        db.engine().migrationTable().ensure(c);
    }

    private static void up(TestDatabase db, Connection c, String statements) throws SQLException {
        new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(new Migration(FILE, "20260101120000",
                ("-- migrate:up\n" + statements + "-- migrate:down\n").getBytes(StandardCharsets.UTF_8)));
    }
}
