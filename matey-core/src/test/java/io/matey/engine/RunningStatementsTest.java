package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.migration.SqlStatement;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C between two statements: the cancel finds nothing running, so the statement that would come next must not
 * start, or it would run on on the server after the process has ended (docs/architecture.md §8). And a statement the
 * driver would run only the first part of is never sent.
 */
class RunningStatementsTest {

    @Test
    void aStatementSqliteWouldRunOnlyPartOfIsRefusedNotCut() throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect();
                Statement st = c.createStatement()) {
            SqlStatement joined = new SqlStatement(
                    "CREATE TABLE ev (id INT, [case] TEXT);\n-- next\nCREATE TABLE t2 (id INT)", 7);
            assertThatThrownBy(() -> RunningStatements.execute(db.engine(), st, joined))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("holds another at line 9, which the database would silently not run");
            assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM sqlite_master")).isEqualTo("0");

            String trigger = "CREATE TRIGGER tr AFTER INSERT ON ev BEGIN\n"
                    + "  UPDATE ev SET id = CASE WHEN id > 1 THEN 1 END;\n  DELETE FROM ev WHERE id = 0;\nEND;\n-- done";
            RunningStatements.execute(db.engine(), st, new SqlStatement("CREATE TABLE ev (id INT, [case] TEXT)", 1));
            RunningStatements.execute(db.engine(), st, new SqlStatement(trigger, 1));
            assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))
                    .isEqualTo("1");
            assertThatThrownBy(() -> RunningStatements.execute(db.engine(), st,
                    new SqlStatement("CREATE TEMP TRIGGER t3 AFTER DELETE ON ev BEGIN SELECT 1; END; DROP TABLE ev", 1)))
                    .hasMessageContaining("holds another at line 1");
        }
    }

    @Test
    void noStatementStartsOnceTheCancelHasBegun() throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CancelledProcessMain.class.getName(), db.url().raw()).redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.lines()).containsExactly("up: refused", "load: refused");
            try (Connection c = db.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM sqlite_master WHERE name IN ('t', 'u')"))
                        .isEqualTo("0");
                assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
            }
        }
    }
}
