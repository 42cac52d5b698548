package io.matey.engine.mysql;

import io.matey.engine.FailureCommands;
import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What {@link LeanMysqlRunnerTest} runs in a class loader without JSqlParser, as the Spring Boot starter ships: a
 * db up's tracked run of a MariaDB section that creates a table, writes a row, and fails on a second one.
 */
public final class LeanRunnerProbe {

    private LeanRunnerProbe() {
    }

    /** The failure's message, then the rows and applied versions left, a line each. */
    public static String upFailingAfterDdl(String server) throws SQLException {
        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect()) {
            Migration migration = new Migration("migrations/001_t.sql", "001", """
                    -- migrate:up
                    CREATE TABLE t (id int PRIMARY KEY);
                    INSERT INTO t VALUES (1);
                    INSERT INTO t VALUES (1);
                    -- migrate:down
                    DROP TABLE t;
                    """.getBytes(StandardCharsets.UTF_8));
            String message;
            try {
                new MigrationRunner(db.engine(), c, FailureCommands.ROOT).up(migration);
                message = "no failure";
            } catch (SQLException | RuntimeException e) {
                message = e.getMessage();
            }
            return message + "\nrows: " + TestDatabase.firstValue(c, "SELECT COUNT(*) FROM t")
                    + "\napplied: " + db.engine().migrationTable().appliedVersions(c);
        }
    }
}
