package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code db up} runs a MariaDB section in a transaction as dbmate does (docs/architecture.md §7): a section of row
 * writes is all or nothing, and after DDL's implicit commit a failure rolls back only the statements after it, which
 * the progress marker leaves out, so that {@code --resume} runs them again.
 */
class MysqlSectionTransactionLiveTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aSectionOfRowWritesIsAllOrNothing(String server) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, server)) {
            base(h);
            h.ws.migration("002_bump.sql", "UPDATE t SET n = n + 100;\nUPDATE t SET v = 'longer' WHERE id = 1;",
                    "UPDATE t SET n = n - 100;");
            h.ws.apply();

            assertThatThrownBy(h::up).hasMessageContaining("migrations/002_bump.sql:3: up section failed")
                    .hasMessageContaining("No statement of this section took effect: it was rolled back")
                    .hasMessageNotContaining("stay applied");
            assertThat(value(h, "SELECT SUM(n) FROM t")).isEqualTo("0");
            assertThat(h.status().interrupted()).as("nothing took effect").isNull();
            assertThat(h.recordedVersions()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void statementsAfterTheLastImplicitCommitRollBackAndResumeRunsThemAgain(String server) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, server)) {
            base(h);
            h.ws.migration("002_w.sql", "INSERT INTO t VALUES (3, 0, 'c');\nALTER TABLE t ADD COLUMN w INT NULL;\n"
                    + "UPDATE t SET w = 7;\nUPDATE t SET v = 'longer' WHERE id = 1;",
                    "ALTER TABLE t DROP COLUMN w;\nDELETE FROM t WHERE id = 3;");
            h.ws.apply();

            assertThatThrownBy(h::up).hasMessageContaining("migrations/002_w.sql:5: up section failed")
                    .hasMessageContaining("Statements at line(s) 2, 3 took effect and stay applied (mysql commits DDL "
                            + "implicitly); those after the last implicit commit, at line(s) 4, were rolled back");
            assertThat(value(h, "SELECT COUNT(*) FROM t")).isEqualTo("3");
            assertThat(value(h, "SELECT COUNT(w) FROM t")).isEqualTo("0");
            assertThat(h.status().interrupted().describe()).startsWith("migration migrations/002_w.sql was "
                    + "interrupted after statement 2 of 4 (up section)");

            // with the row the last statement failed on gone, --resume runs the rolled-back UPDATE again
            h.db.execute("DELETE FROM t WHERE id = 1;");
            assertThat(h.live.upResuming(h.target(), h.url()).after()).isEqualTo(2);
            assertThat(value(h, "SELECT COUNT(*) FROM t WHERE w = 7")).isEqualTo("2");
            assertThat(h.status().interrupted()).isNull();
        }
    }

    private static void base(LiveHarness h) throws SQLException {
        h.ws.migration("001_t.sql", "CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL, v VARCHAR(3));",
                "DROP TABLE t;");
        h.ws.apply();
        h.up();
        h.db.execute("INSERT INTO t VALUES (1, 0, 'a'), (2, 0, 'b');");
    }

    private static String value(LiveHarness h, String query) throws SQLException {
        try (Connection c = h.db.connect()) {
            return TestDatabase.firstValue(c, query);
        }
    }
}
