package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Each section starts in the target database with Matey's session settings (docs/architecture.md §7). */
class MysqlSessionBaselineTest {

    @Test
    void useSessionVariablesAndUserVariablesEndWithTheirSection() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); TestDatabase other = TestDatabase.create("mysql");
                Connection c = db.connect()) {
            Migration switching = new Migration("migrations/20240101000000_a.sql", "20240101000000", """
                    -- migrate:up
                    USE `%s`;
                    SET SESSION sql_mode = 'ANSI_QUOTES';
                    SET @@SESSION.foreign_key_checks = 0;
                    SET @leaked = 1;
                    -- migrate:down
                    SELECT 1;
                    """.formatted(other.url().path()).getBytes(StandardCharsets.UTF_8));
            Migration plain = new Migration("migrations/20240102000000_b.sql", "20240102000000", """
                    -- migrate:up
                    CREATE TABLE b (id int, name varchar(10) DEFAULT "x");
                    -- migrate:down
                    DROP TABLE b;
                    """.getBytes(StandardCharsets.UTF_8));
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), c, MigrationRunner.DISCARDED_SCRATCH);

            runner.up(switching);
            runner.up(plain);

            assertThat(TestDatabase.firstValue(c, "SELECT DATABASE()")).isEqualTo(db.url().path());
            assertThat(TestDatabase.firstValue(c, "SELECT @@SESSION.sql_mode")).isEqualTo(MysqlSession.SQL_MODE);
            assertThat(TestDatabase.firstValue(c, "SELECT @@SESSION.foreign_key_checks")).isEqualTo("1");
            assertThat(TestDatabase.firstValue(c, "SELECT @leaked")).isNull();
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20240101000000", "20240102000000");
            assertThat(db.engine().dumpSchema(c)).contains("CREATE TABLE `b`");
        }
    }
}
