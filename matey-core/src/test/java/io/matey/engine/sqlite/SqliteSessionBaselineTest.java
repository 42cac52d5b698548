package io.matey.engine.sqlite;

import io.matey.engine.FailureCommands;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Each section starts from the connection's PRAGMAs and without temporary objects (docs/architecture.md §7). */
class SqliteSessionBaselineTest {

    @Test
    void pragmasAndTemporaryTablesEndWithTheirSection() throws SQLException {
        Migration migration = new Migration("migrations/20240101000000_a.sql", "20240101000000", """
                -- migrate:up transaction:false
                PRAGMA foreign_keys = ON;
                PRAGMA legacy_alter_table = ON;
                PRAGMA busy_timeout = 5;
                CREATE TEMP TABLE scratch_rows (id int);
                CREATE TEMP VIEW scratch_view AS SELECT id FROM scratch_rows;
                -- migrate:down
                SELECT 1;
                """.getBytes(StandardCharsets.UTF_8));
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            new MigrationRunner(db.engine(), c, FailureCommands.ROOT).up(migration);

            assertThat(TestDatabase.firstValue(c, "PRAGMA foreign_keys")).isEqualTo("0");
            assertThat(TestDatabase.firstValue(c, "PRAGMA legacy_alter_table")).isEqualTo("0");
            assertThat(TestDatabase.firstValue(c, "PRAGMA busy_timeout")).as("set by Matey's connection").isEqualTo("60000");
            assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM temp.sqlite_master")).isEqualTo("0");
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20240101000000");
        }
    }
}
