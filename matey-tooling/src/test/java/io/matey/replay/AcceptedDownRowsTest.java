package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * After a down section accepted as inexact, or failing under {@code --keep-going}, the replay goes on from the state
 * the up sections left, rows included (docs/architecture.md §6): a later migration that fails on rows an earlier one
 * inserted fails {@code schema apply} there, as it fails {@code db up} on a fresh database. Continuing from the
 * checkpoint's text, which holds no rows, passed it.
 */
class AcceptedDownRowsTest {

    private static final String ACCEPTED = "migrations/003_accepted.sql";
    private static final String DEPENDENT = "migrations/004_dependent.sql";

    @TempDir
    Path dir;

    /** 001 creates, 002 inserts rows, 003's down is accepted as inexact, 004 depends on 002's rows. */
    private TestWorkspace history(String engine, String create, String insert, String dependent,
            String dependentDown) {
        TestWorkspace ws = failingHistory(engine, create, insert, dependent, dependentDown);
        ws.write(TestWorkspace.TARGET + "/config.toml", ws.read(TestWorkspace.TARGET + "/config.toml")
                + "\n[inexact_downs]\n\"003_accepted.sql\" = \"kept stays\"\n");
        return ws;
    }

    /** 001 creates, 002 inserts rows, 003's down is inexact and not accepted, 004 depends on 002's rows. */
    private TestWorkspace failingHistory(String engine, String create, String insert, String dependent,
            String dependentDown) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        String table = create.startsWith("CREATE TABLE p ") ? "p" : "users";
        ws.migration("001_create.sql", create, "DROP TABLE " + table + ";");
        ws.migration("002_rows.sql", insert, "DELETE FROM " + table + ";");
        ws.migration("003_accepted.sql", "CREATE TABLE kept (id INT);\nCREATE TABLE dropped (id INT);",
                "DROP TABLE dropped;");
        ws.migration("004_dependent.sql", dependent, dependentDown);
        return ws;
    }

    private static void assertFailsAtTheDependentMigration(TestWorkspace ws, String error) {
        Map<String, String> before = ws.files();
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class).hasMessageContaining(DEPENDENT)
                .hasMessageContaining(error).hasMessageNotContaining(ACCEPTED);
        assertThat(ws.files()).isEqualTo(before);
    }

    @Test
    void postgresAttachingAPartitionOverARowOfTheDefaultPartitionFails() {
        TestWorkspace ws = history("postgres",
                "CREATE TABLE p (at timestamptz NOT NULL) PARTITION BY RANGE (at);\n"
                        + "CREATE TABLE p_def PARTITION OF p DEFAULT;",
                "INSERT INTO p VALUES ('2026-06-01');",
                "CREATE TABLE p_2026 (LIKE p);\n"
                        + "ALTER TABLE p ATTACH PARTITION p_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
                "DROP TABLE p_2026;");

        assertFailsAtTheDependentMigration(ws, "default partition \"p_def\" would be violated by some row");
    }

    @Test
    void sqliteAUniqueIndexOverInsertedDuplicatesFails() {
        TestWorkspace ws = history("sqlite", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);",
                "INSERT INTO users (email) VALUES ('a@example.com'), ('a@example.com');",
                "CREATE UNIQUE INDEX users_email ON users (email);", "DROP INDEX users_email;");

        assertFailsAtTheDependentMigration(ws, "UNIQUE constraint failed: users.email");
    }

    @Test
    void mariadbAUniqueIndexOverInsertedDuplicatesFails() {
        TestWorkspace ws = history("mysql", "CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(64));",
                "INSERT INTO users (email) VALUES ('a@example.com'), ('a@example.com');",
                "CREATE UNIQUE INDEX users_email ON users (email);", "DROP INDEX users_email ON users;");

        assertFailsAtTheDependentMigration(ws, "Duplicate entry 'a@example.com'");
    }

    /** After a failure under --keep-going no copy was taken: the state is built by the up sections again. */
    @ParameterizedTest
    @CsvSource({
        "sqlite, INTEGER PRIMARY KEY, TEXT, UNIQUE constraint failed: p.email",
        "postgres, serial PRIMARY KEY, text, could not create unique index \"p_email\"",
        "mysql, INT AUTO_INCREMENT PRIMARY KEY, VARCHAR(64), Duplicate entry 'a@example.com'"})
    void keepGoingAfterAFailedDownSeesTheRows(String engine, String key, String text, String error) {
        TestWorkspace ws = failingHistory(engine, "CREATE TABLE p (id " + key + ", email " + text + ");",
                "INSERT INTO p (email) VALUES ('a@example.com'), ('a@example.com');",
                "CREATE UNIQUE INDEX p_email ON p (email);",
                engine.equals("mysql") ? "DROP INDEX p_email ON p;" : "DROP INDEX p_email;");
        Map<String, String> before = ws.files();

        assertThatThrownBy(() -> ws.apply(new ReplayOptions(null, null, false, false, true)))
                .isInstanceOf(MateyException.class).hasMessageContaining(ACCEPTED).hasMessageContaining(DEPENDENT)
                .hasMessageContaining(error);
        assertThat(ws.files()).isEqualTo(before);
    }

    /** Rows that break no later migration: the history applies, the accepted down reported. */
    @Test
    void sqliteAnAcceptedHistoryWithRowsStillApplies() {
        TestWorkspace ws = history("sqlite", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);",
                "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');",
                "CREATE UNIQUE INDEX users_email ON users (email);", "DROP INDEX users_email;");

        SchemaApplyResult applied = ws.apply();

        assertThat(applied.downAccepted()).extracting(AcceptedDown::file).containsExactly(ACCEPTED);
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("users_email", "kept", "dropped");
    }
}
