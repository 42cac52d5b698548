package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A data set naming a view or materialized view is refused at its {@code data.toml} line, naming the relation's
 * kind and what to write instead, by export (whose file no apply could write) and by apply before anything is
 * written (the view's table keeps its rows); the table it reads from is still exported and applied.
 */
class DataViewsTest {

    private static final String MANIFEST = """
            [views]
            files = [
              { name = "orders", table = "orders", mode = "upsert", on = ["id"] },
              { name = "open_orders", table = "%s", mode = "upsert", on = ["id"] },
            ]
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sqlite     | view              | CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'open';
            postgres   | view              | CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'open';
            postgres   | materialized view | CREATE MATERIALIZED VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'open';
            mysql      | view              | CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'open';
            clickhouse | view              | CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'open';
            clickhouse | materialized view | CREATE MATERIALIZED VIEW open_orders ENGINE = MergeTree ORDER BY id AS SELECT id, status FROM orders WHERE status = 'open';
            clickhouse | materialized view | CREATE TABLE open_store (id UInt32, status String) ENGINE = MergeTree ORDER BY id; CREATE MATERIALIZED VIEW open_orders TO open_store AS SELECT id, status FROM orders WHERE status = 'open';
            """)
    void aViewIsRefusedAtItsLineByExportAndApply(String engine, String kind, String view) throws Exception {
        String orders = engine.equals("clickhouse")
                ? "CREATE TABLE orders (id UInt32, status String) ENGINE = MergeTree ORDER BY id;"
                : "CREATE TABLE orders (id INTEGER PRIMARY KEY, status VARCHAR(10) NOT NULL);";
        try (DataHarness h = DataHarness.atHead(dir, engine, orders + "\n" + view + "\n"
                + "INSERT INTO orders (id, status) VALUES (1, 'open'), (2, 'done');")) {
            h.manifest(MANIFEST.formatted("open_orders"));
            h.file("orders", "{\"id\": 1, \"status\": \"open\"}");
            h.file("open_orders", "{\"id\": 1, \"status\": \"open\"}");
            String refusal = h.ws.target().resolve("data/data.toml") + ":4: data set 'views', file 2: table 'open_orders' "
                    + "of data file 'open_orders' is a " + kind + ", whose rows its query makes: data sets export and apply "
                    + "tables only. Correct key 'table' to name the table the rows belong in (the one the " + kind
                    + " reads from, or the TO table of a ClickHouse materialized view), or leave the " + kind + " out of the set.";

            assertThatThrownBy(() -> h.apply("views")).isInstanceOf(MateyException.class).hasMessage(refusal);
            assertThat(DataHarness.rows(h.db, "SELECT id, status FROM orders ORDER BY id"))
                    .as("nothing written").isEqualTo(List.of(List.of("1", "open"), List.of("2", "done")));
            assertThatThrownBy(() -> h.export("views")).isInstanceOf(MateyException.class).hasMessage(refusal);
            assertThat(h.file("open_orders")).as("no file written").isEqualTo("{\"id\": 1, \"status\": \"open\"}\n");

            h.manifest(MANIFEST.formatted("orders").replace("name = \"open_orders\"", "name = \"orders_copy\""));
            h.file("orders_copy", "{\"id\": 1, \"status\": \"open\"}");
            assertThat(h.export("views").files()).hasSize(2);
        }
    }
}
