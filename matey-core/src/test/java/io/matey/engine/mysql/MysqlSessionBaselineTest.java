package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Each section starts in the target database with Matey's session settings (docs/architecture.md §7). */
class MysqlSessionBaselineTest {

    @Test
    void useSessionVariablesAndUserVariablesEndWithTheirSection() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); TestDatabase other = TestDatabase.create("mysql");
                Connection c = db.connect()) {
            Migration switching = migration("migrations/20240101000000_a.sql", """
                    -- migrate:up
                    USE `%s`;
                    SET SESSION sql_mode = 'ANSI_QUOTES';
                    SET @@SESSION.foreign_key_checks = 0;
                    SET @leaked = 1;
                    -- migrate:down
                    SELECT 1;
                    """.formatted(other.url().path()));
            Migration plain = migration("migrations/20240102000000_b.sql", """
                    -- migrate:up
                    CREATE TABLE b (id int, name varchar(10) DEFAULT "x");
                    -- migrate:down
                    DROP TABLE b;
                    """);
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), c);

            runner.up(switching);
            runner.up(plain);

            assertThat(value(c, "SELECT DATABASE()")).isEqualTo(db.url().path());
            assertThat(value(c, "SELECT @@SESSION.sql_mode")).isEqualTo(MysqlSession.SQL_MODE);
            assertThat(value(c, "SELECT @@SESSION.foreign_key_checks")).isEqualTo("1");
            assertThat(value(c, "SELECT @leaked")).isNull();
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20240101000000", "20240102000000");
            assertThat(db.engine().dumpSchema(c)).contains("CREATE TABLE `b`");
        }
    }

    private static String value(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Migration migration(String file, String text) {
        return new Migration(file, file.replaceAll("^migrations/(\\d+).*", "$1"), text.getBytes(StandardCharsets.UTF_8));
    }
}
