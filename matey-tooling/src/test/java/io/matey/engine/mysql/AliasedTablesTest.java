package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A column rename that MariaDB refuses after a view opened the table under an alias: the replay fails where `db up`
 * of the same migrations in one batch does, and both say what to write instead.
 */
class AliasedTablesTest {

    private static final String CUSTOMERS = """
            CREATE TABLE customers (
              id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              first_name VARCHAR(100) NOT NULL,
              last_name VARCHAR(100) NOT NULL,
              full_name VARCHAR(201) AS (CONCAT(first_name, ' ', last_name)) VIRTUAL
            );""";
    private static final String ORDERS = "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT UNSIGNED NOT NULL,"
            + " CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id));";
    private static final String VIEW = "CREATE VIEW customer_orders AS SELECT o.id, c.first_name FROM orders o "
            + "JOIN customers c ON c.id = o.customer_id;";
    private static final String RENAME = "ALTER TABLE customers RENAME COLUMN last_name TO family_name;";
    private static final String RENAME_AND_REDEFINE = "ALTER TABLE customers RENAME COLUMN last_name TO family_name,\n"
            + "  MODIFY full_name VARCHAR(201) AS (CONCAT(first_name, ' ', family_name)) VIRTUAL;";
    private static final String UNDO_RENAME_AND_REDEFINE = "ALTER TABLE customers RENAME COLUMN family_name TO "
            + "last_name,\n  MODIFY full_name VARCHAR(201) AS (CONCAT(first_name, ' ', last_name)) VIRTUAL;";
    private static final String RENAME_FILE = "004_rename_last_name.sql";
    private static final String HINT = "MariaDB cannot rename a column that a generated column reads once a statement "
            + "opened the table under an alias";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void theReplayFailsAtTheRenameAsABatchOfDbUpDoes(String server) throws SQLException {
        TestWorkspace ws = workspace(server, "-- the view read customers under an alias\n" + RENAME,
                "ALTER TABLE customers RENAME COLUMN family_name TO last_name;");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("replay failed: migrations/" + RENAME_FILE + ":3: up section failed: Unknown "
                        + "column 'last_name' in 'GENERATED ALWAYS AS'. " + HINT)
                .hasMessageContaining("ALTER TABLE t RENAME COLUMN last_name TO new_name, MODIFY generated_column");
        assertThat(ws.files()).doesNotContainKey("schema.sql");

        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), db.engine().migrationTable(), c);
            runner.up(migration("001_customers.sql", CUSTOMERS));
            runner.up(migration("002_orders.sql", ORDERS));
            runner.up(migration("003_view.sql", VIEW));
            assertThatThrownBy(() -> runner.up(migration(RENAME_FILE, RENAME)))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("Unknown column 'last_name' in 'GENERATED ALWAYS AS'. " + HINT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void renamingAndRedefiningTheGeneratedColumnInOneStatementReplays(String server) {
        TestWorkspace ws = workspace(server, RENAME_AND_REDEFINE, UNDO_RENAME_AND_REDEFINE);
        ws.apply();
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql"))
                .contains("GENERATED ALWAYS AS (concat(`first_name`,' ',`family_name`)) VIRTUAL");
    }

    /** A failure on an unknown column in an expression is the file's own, not the cache's: no advice. */
    @Test
    void aGeneratedColumnOverAMissingColumnGetsNoHint() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), db.engine().migrationTable(), c);
            runner.up(migration("001_customers.sql", CUSTOMERS));
            assertThatThrownBy(() -> runner.up(migration("002_drop.sql", "ALTER TABLE customers DROP COLUMN last_name;")))
                    .hasMessageContaining("Unknown column 'last_name' in 'GENERATED ALWAYS AS'.")
                    .hasMessageNotContaining(HINT);
        }
    }

    private TestWorkspace workspace(String server, String rename, String undo) {
        TestWorkspace ws = new TestWorkspace(dir, server);
        ws.migration("001_customers.sql", CUSTOMERS, "DROP TABLE customers;");
        ws.migration("002_orders.sql", ORDERS, "DROP TABLE orders;");
        ws.migration("003_view.sql", VIEW, "DROP VIEW customer_orders;");
        ws.migration(RENAME_FILE, rename, undo);
        return ws;
    }

    private static Migration migration(String file, String up) {
        String version = file.substring(0, 3);
        return new Migration("migrations/" + file, version,
                ("-- migrate:up\n" + up + "\n-- migrate:down\n").getBytes(StandardCharsets.UTF_8));
    }
}
