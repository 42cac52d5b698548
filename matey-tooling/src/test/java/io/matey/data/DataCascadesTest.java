package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.matey.error.MateyException;
import io.matey.testing.EngineMatrix;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A replace's deletes reach rows of other tables through foreign keys with an ON DELETE action (README "Data
 * sets"): a table the set does not replace is never changed, the set refused with nothing applied; a table a later
 * file replaces may lose rows to a cascade, counted as that file's deleted rows.
 */
class DataCascadesTest {

    /** order_items and invoices refer to orders; item_notes refers to order_items by its two-column key. */
    private static final String SCHEMA = """
            CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);
            CREATE TABLE order_items (order_id BIGINT NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (order_id, line),
              CONSTRAINT items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE);
            CREATE TABLE item_notes (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL, line INTEGER NOT NULL,
              CONSTRAINT notes_item FOREIGN KEY (order_id, line) REFERENCES order_items (order_id, line) ON DELETE CASCADE);
            CREATE INDEX item_notes_item ON item_notes (order_id, line);
            CREATE TABLE invoices (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT,
              CONSTRAINT invoices_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE SET NULL);
            CREATE INDEX invoices_order_id ON invoices (order_id);
            CREATE TABLE receipts (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL,
              CONSTRAINT receipts_order FOREIGN KEY (order_id) REFERENCES orders (id));
            CREATE INDEX receipts_order_id ON receipts (order_id);""";

    private static final String ROLLED_BACK = " The set's transaction was rolled back; no table was changed. ";

    @TempDir
    Path dir;

    /** Orders 1 and 2, each with two items, each item with a note, and an invoice of order 2. */
    private static DataHarness seeded(Path dir, String engine) throws SQLException {
        DataHarness h = DataHarness.atHead(dir, engine, SCHEMA);
        h.db.execute("""
                INSERT INTO orders (id, name) VALUES (1, 'one'), (2, 'two');
                INSERT INTO order_items (order_id, line) VALUES (1, 1), (1, 2), (2, 1), (2, 2);
                INSERT INTO item_notes (id, order_id, line) VALUES (1, 1, 1), (2, 2, 1), (3, 2, 2);
                INSERT INTO invoices (id, order_id) VALUES (1, 2);""");
        h.file("orders", "{\"id\": 1, \"name\": \"one\"}");
        h.file("order_items", "{\"line\": 1, \"order_id\": 1}", "{\"line\": 2, \"order_id\": 1}");
        h.file("item_notes", "{\"id\": 1, \"line\": 1, \"order_id\": 1}");
        return h;
    }

    private static Map<String, List<List<String>>> tables(DataHarness h) throws SQLException {
        return Map.of("orders", h.rows("SELECT id, name FROM orders ORDER BY id"),
                "order_items", h.rows("SELECT order_id, line FROM order_items ORDER BY order_id, line"),
                "item_notes", h.rows("SELECT id, order_id, line FROM item_notes ORDER BY id"),
                "invoices", h.rows("SELECT id, order_id FROM invoices ORDER BY id"),
                "receipts", h.rows("SELECT id, order_id FROM receipts ORDER BY id"));
    }

    private static String set(String... entries) {
        StringBuilder toml = new StringBuilder("[extra]\nfiles = [\n");
        for (String table : entries) {
            toml.append("  { name = \"").append(table).append("\", table = \"").append(table)
                    .append("\", mode = \"replace\" },\n");
        }
        return toml.append("]\n").toString();
    }

    /** Applies set {@code manifest}, which must be refused with a message containing {@code message}, changing nothing. */
    private static void refused(DataHarness h, String manifest, String message) throws SQLException {
        Map<String, List<List<String>>> before = tables(h);
        h.manifest(manifest);
        assertThatThrownBy(() -> h.apply("extra")).isInstanceOf(MateyException.class).hasMessageContaining(message);
        assertThat(tables(h)).isEqualTo(before);
    }

    @ParameterizedTest
    @EngineMatrix
    void aCascadeIntoATableTheSetDoesNotReplaceRefusesTheSetAndChangesNothing(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            h.db.execute("DELETE FROM invoices;");
            Map<String, List<List<String>>> before = tables(h);
            h.manifest(set("orders"));
            Path orders = h.ws.target().resolve("data/orders.jsonl");
            assertThatThrownBy(() -> h.apply("extra")).isInstanceOf(MateyException.class).hasMessage(orders
                    + ": data file 'orders' (mode replace) deletes rows of table 'orders' that it no longer holds, and "
                    + "foreign key 'items_order' of table 'order_items' (ON DELETE CASCADE) would delete 2 row(s) of "
                    + "table 'order_items' that refer to them; data set 'extra' does not replace table 'order_items', "
                    + "and data apply changes no table outside its set." + ROLLED_BACK + "Add table 'order_items' to "
                    + "the set (mode replace, listed after 'orders'), or delete those rows (or the rows of 'orders' they "
                    + "refer to) in a migration first, and run `matey data apply` again.");
            assertThat(tables(h)).isEqualTo(before);

            // the chain goes on: order_items' rows cascade into item_notes, which the set does not replace either
            refused(h, set("orders", "order_items"), "foreign key 'notes_item' of table 'item_notes' (ON DELETE CASCADE) would delete 2 row(s) of "
                            + "table 'item_notes' that refer to them, through the rows of table 'order_items' that "
                            + "foreign key 'items_order' (ON DELETE CASCADE) deletes with them; data set 'extra' does "
                            + "not replace table 'item_notes'");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aSetNullIntoATableOutsideTheSetIsRefusedNamingTheColumns(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            refused(h, set("orders", "order_items", "item_notes"), "foreign key 'invoices_order' of table 'invoices' (ON DELETE SET NULL) would set column(s) "
                            + "order_id of 1 row(s) of table 'invoices' to NULL that refer to them; data set 'extra' "
                            + "does not replace table 'invoices'");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aCascadeIntoTablesLaterFilesReplaceIsAppliedAndCountedThere(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            h.db.execute("DELETE FROM invoices;");
            h.manifest(set("orders", "order_items", "item_notes"));
            assertThat(h.apply("extra").files())
                    .extracting(AppliedFile::table, AppliedFile::inserted, AppliedFile::updated, AppliedFile::deleted)
                    .containsExactly(tuple("orders", 0, 0, 1), tuple("order_items", 0, 0, 2),
                            tuple("item_notes", 0, 0, 2));
            assertThat(tables(h)).isEqualTo(Map.of("orders", List.of(List.of("1", "one")),
                    "order_items", List.of(List.of("1", "1"), List.of("1", "2")),
                    "item_notes", List.of(List.of("1", "1", "1")), "invoices", List.of(), "receipts", List.of()));
            // applied again: nothing left to delete
            assertThat(h.apply("extra").files()).extracting(AppliedFile::deleted).containsExactly(0, 0, 0);
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aCascadeIntoRowsAnEarlierFileOfTheSetHoldsIsRefused(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            h.db.execute("DELETE FROM invoices;");
            h.file("order_items", "{\"line\": 1, \"order_id\": 1}", "{\"line\": 1, \"order_id\": 2}");
            h.file("item_notes", "{\"id\": 1, \"line\": 1, \"order_id\": 1}", "{\"id\": 2, \"line\": 1, \"order_id\": 2}");
            refused(h, set("item_notes", "order_items", "orders"), "foreign key 'items_order' of table 'order_items' (ON DELETE CASCADE) would delete 1 row(s) of "
                            + "table 'order_items' that refer to them; data file 'order_items', applied before it, "
                            + "holds those rows, and the set would not leave table 'order_items' equal to it."
                            + ROLLED_BACK + "Remove those rows from data file 'order_items', or keep the rows they "
                            + "refer to in data file 'orders', and run `matey data apply` again.");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aForeignKeyWithoutAnActionKeepsTheDatabasesOwnRefusal(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            h.db.execute("DELETE FROM invoices; INSERT INTO receipts (id, order_id) VALUES (1, 2);");
            Map<String, List<List<String>>> before = tables(h);
            h.manifest(set("orders", "order_items", "item_notes"));
            assertThatThrownBy(() -> h.apply("extra")).isInstanceOf(MateyException.class).hasMessageStartingWith(
                    h.ws.target().resolve("data/orders.jsonl") + ": the database refused to delete the row of key [2] "
                            + "from table 'orders', which the file no longer holds (mode replace): ");
            assertThat(tables(h)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aSelfReferenceCascadingIntoRowsTheFileKeepsIsRefused(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, """
                CREATE TABLE categories (id BIGINT NOT NULL PRIMARY KEY, parent_id BIGINT,
                  CONSTRAINT category_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE CASCADE);
                CREATE INDEX categories_parent ON categories (parent_id);""")) {
            h.db.execute("INSERT INTO categories (id, parent_id) VALUES (1, NULL), (2, 1), (3, 1), (4, NULL);");
            h.manifest(set("categories"));
            h.file("categories", "{\"id\": 2, \"parent_id\": 1}", "{\"id\": 4, \"parent_id\": null}");
            assertThatThrownBy(() -> h.apply("extra")).isInstanceOf(MateyException.class).hasMessageContaining(
                    "foreign key 'category_parent' of table 'categories' (ON DELETE CASCADE) would delete 1 row(s) of "
                            + "table 'categories' that refer to them; data file 'categories' holds those rows");
            assertThat(h.rows("SELECT id FROM categories ORDER BY id")).hasSize(4);

            // deleting a row with every row below it is the file's own change
            h.file("categories", "{\"id\": 4, \"parent_id\": null}");
            h.db.execute("DELETE FROM categories WHERE id = 3;");
            assertThat(h.apply("extra").files()).extracting(AppliedFile::deleted).containsExactly(2);
            assertThat(h.rows("SELECT id FROM categories")).containsExactly(List.of("4"));
        }
    }
}
