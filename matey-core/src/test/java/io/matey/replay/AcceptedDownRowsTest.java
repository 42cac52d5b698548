package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a down section accepted as inexact, the replay goes on from the state the up sections left, rows included
 * (docs/architecture.md §6): a later migration that fails on rows an earlier one inserted fails {@code schema
 * apply} there, as it fails {@code db up} on a fresh database. Continuing from the checkpoint's text, which holds
 * no rows, passed it.
 */
class AcceptedDownRowsTest {

    private static final String ACCEPTED = "migrations/003_accepted.sql";
    private static final String DEPENDENT = "migrations/004_dependent.sql";

    @TempDir
    Path dir;

    /** 001 creates, 002 inserts rows, 003's down is accepted as inexact, 004 depends on 002's rows. */
    private TestWorkspace history(String engine, String create, String insert, String dependent,
            String dependentDown) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        String table = engine.equals("postgres") ? "p" : "users";
        ws.migration("001_create.sql", create, "DROP TABLE " + table + ";");
        ws.migration("002_rows.sql", insert, "DELETE FROM " + table + ";");
        ws.migration("003_accepted.sql", "CREATE TABLE kept (id INT);\nCREATE TABLE dropped (id INT);",
                "DROP TABLE dropped;");
        ws.migration("004_dependent.sql", dependent, dependentDown);
        ws.write(TestWorkspace.TARGET + "/config.toml", ws.read(TestWorkspace.TARGET + "/config.toml")
                + "\n[inexact_downs]\n\"003_accepted.sql\" = \"kept stays\"\n");
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
