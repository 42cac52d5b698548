package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.error.MateyException;
import io.matey.schema.ServerDefaultsDiff;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artifacts replayed on MariaDB 11.4 and applied to 10.11: a table created with only {@code DEFAULT CHARSET=utf8mb4}
 * dumps {@code COLLATE=utf8mb4_general_ci} on 11.4 and nothing on 10.11 (README, "MySQL and MariaDB"), so the post-check
 * fails; its error says that the servers' defaults explain it, since no migration could keep it. The locks are made
 * an earlier Matey's, without the replay server, which {@code db up} would otherwise refuse up front
 * ({@link ReplayServerCheckTest}).
 */
class CrossServerCollationHintTest {

    @TempDir
    Path dir;

    @Test
    void aPostcheckFailingOnlyOnDefaultCollationsNamesTheServersNotADraft() throws SQLException {
        TestWorkspace ws = new TestWorkspace(dir, "mysql-other");
        ws.migration("001_t.sql", "CREATE TABLE t (id INT PRIMARY KEY) DEFAULT CHARSET=utf8mb4;", "DROP TABLE t;");
        ws.apply();
        ws.lockWithoutReplayServer();
        assertThat(ws.read("db/core/schema.sql")).contains("COLLATE=utf8mb4_general_ci");
        try (TestDatabase live = TestDatabase.create("mysql")) {
            Matey matey = ws.matey();
            assertThatThrownBy(() -> matey.dbUp(matey.target(TestWorkspace.TARGET), live.url().raw(), line -> { }))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("-) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;")
                    .hasMessageContaining("the server the replay ran on (DB_CORE_TEST_DATABASE_URL)")
                    .hasMessageEndingWith(ServerDefaultsDiff.collationHint("DB_CORE_TEST_DATABASE_URL") + "\n");
        }
    }

    @Test
    void aPostcheckFailingOnlyOnTheDatabasesDefaultCharacterSetNamesTheDatabaseDefault() throws SQLException {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_t.sql", "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));", "DROP TABLE t;");
        ws.apply();
        ws.lockWithoutReplayServer();
        try (TestDatabase live = TestDatabase.create("mysql")) {
            live.execute("ALTER DATABASE CHARACTER SET latin1");
            Matey matey = ws.matey();
            assertThatThrownBy(() -> matey.dbUp(matey.target(TestWorkspace.TARGET), live.url().raw(), line -> { }))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("+) ENGINE=InnoDB DEFAULT CHARSET=latin1;")
                    .hasMessageEndingWith(ServerDefaultsDiff.charsetHint("DB_CORE_TEST_DATABASE_URL") + "\n");
            // a rollback is refused over the same difference, without calling it changes a migration could capture
            assertThatThrownBy(() -> matey.dbDown(matey.target(TestWorkspace.TARGET), live.url().raw(), 1, line -> { }))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("differs from the committed state at index 1 (schema.sql) in "
                            + "server defaults only, explained below; nothing was rolled back:\n")
                    .hasMessageNotContaining("capture them in a migration")
                    .hasMessageEndingWith(ServerDefaultsDiff.charsetHint("DB_CORE_TEST_DATABASE_URL") + "\n");
        }
    }

    @Test
    void aLongRunWhosePostcheckFailsNamesItsFirstFilesAndCountsTheRest() throws SQLException {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        for (int i = 1; i <= 5; i++) {
            ws.migration("00" + i + "_t" + i + ".sql", "CREATE TABLE t" + i + " (id INT PRIMARY KEY, name VARCHAR(20));",
                    "DROP TABLE t" + i + ";");
        }
        ws.apply();
        ws.lockWithoutReplayServer();
        try (TestDatabase live = TestDatabase.create("mysql")) {
            live.execute("ALTER DATABASE CHARACTER SET latin1");
            Matey matey = ws.matey();
            assertThatThrownBy(() -> matey.dbUp(matey.target(TestWorkspace.TARGET), live.url().raw(), line -> { }))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("applied and recorded 5 migrations (migrations/001_t1.sql, "
                            + "migrations/002_t2.sql, migrations/003_t3.sql and 2 more); this is committed")
                    .hasMessageNotContaining("migrations/004_t4.sql");
        }
    }
}
