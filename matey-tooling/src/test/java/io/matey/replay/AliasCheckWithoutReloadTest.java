package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test server whose user lacks RELOAD cannot flush tables, so the replay cannot open the tables with generated
 * columns under an alias before a section that alters them (docs/architecture.md §6): it replays, and says once
 * which privilege is missing and what stays unchecked.
 */
class AliasCheckWithoutReloadTest {

    private static final String USER = "walk_noreload";

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedNotices captured = new CapturedNotices();

    @Test
    void aReplayOnATestServerWithoutReloadWarnsOnceNamingThePrivilege() throws SQLException {
        MateyUrl root = TestDatabase.serverBase("mysql");
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP USER IF EXISTS " + USER);
            st.execute("CREATE USER " + USER + " IDENTIFIED BY 'walk-pw'");
            st.execute("GRANT ALL PRIVILEGES ON *.* TO " + USER);
            st.execute("REVOKE RELOAD ON *.* FROM " + USER);
        }
        try {
            TestWorkspace ws = new TestWorkspace(dir, "mysql");
            ws.env().put("DB_CORE_TEST_DATABASE_URL", root.raw().replace("//root@", "//" + USER + ":walk-pw@"));
            ws.migration("001_customers.sql", "CREATE TABLE customers (first_name VARCHAR(100), last_name "
                    + "VARCHAR(100), full_name VARCHAR(201) AS (CONCAT(first_name, ' ', last_name)) VIRTUAL);",
                    "DROP TABLE customers;");
            ws.migration("002_index.sql", "ALTER TABLE customers ADD INDEX by_last (last_name);",
                    "ALTER TABLE customers DROP INDEX by_last;");
            ws.migration("003_index.sql", "ALTER TABLE customers ADD INDEX by_first (first_name);",
                    "ALTER TABLE customers DROP INDEX by_first;");

            ws.apply();

            List<String> warnings = captured.lines.stream().filter(line -> line.startsWith("warning:")).toList();
            assertThat(warnings).containsExactly("warning: migrations/002_index.sql: the test server's user lacks "
                    + "the RELOAD privilege that FLUSH TABLES needs, so the replay could not open the tables with "
                    + "generated columns (customers) under an alias before the sections that alter tables: a rename "
                    + "of a column a generated column reads may replay here and fail in db up or dbmate. Grant it to "
                    + "check such renames: GRANT RELOAD ON *.* TO <the test server's user>.");
            assertThat(String.join("\n", captured.lines)).doesNotContain("walk-pw");
        } finally {
            try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP USER IF EXISTS " + USER);
            }
        }
    }
}
