package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestEngines;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A key the database holds equal to a table row's (a case-insensitive collation or type, trailing spaces) is that row, though Java spells it otherwise: it is updated in place, so rows referring to it stay.
 */
class DataKeyEqualityTest {

    private static final String REPLACE = "[core]\nfiles = [{ name = \"products\", table = \"products\", "
            + "mode = \"replace\", on = [\"sku\"] }]\n";

    @TempDir
    Path dir;

    /** The products table with a case-insensitive {@code sku}, and a log whose rows go with their product. */
    private static String schema(String engine) {
        return switch (TestEngines.named(engine).engineId()) {
            case "postgres" -> """
                    CREATE EXTENSION IF NOT EXISTS citext;
                    CREATE TABLE products (id SERIAL PRIMARY KEY, sku citext UNIQUE, name VARCHAR(40));
                    CREATE TABLE stock_log (id SERIAL PRIMARY KEY,
                      product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE);""";
            case "mysql" -> """
                    CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY,
                      sku VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci UNIQUE, name VARCHAR(40));
                    CREATE TABLE stock_log (id INT AUTO_INCREMENT PRIMARY KEY, product_id INT NOT NULL,
                      FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE);""";
            default -> """
                    CREATE TABLE products (id INTEGER PRIMARY KEY AUTOINCREMENT, sku TEXT COLLATE NOCASE UNIQUE,
                      name VARCHAR(40));
                    CREATE TABLE stock_log (id INTEGER PRIMARY KEY AUTOINCREMENT,
                      product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE);""";
        };
    }

    @ParameterizedTest
    @EngineMatrix(variants = true)
    void replaceUpdatesARowWhoseKeyTheDatabaseHoldsEqual(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, schema(engine))) {
            h.manifest(REPLACE);
            h.file("products", "{\"sku\": \"B-2\", \"name\": \"Bolt\"}", "{\"sku\": \"N-1\", \"name\": \"Nut\"}");
            h.apply(null);
            String id = h.rows("SELECT id FROM products WHERE name = 'Bolt'").get(0).get(0);
            h.db.execute("INSERT INTO stock_log (product_id) VALUES (" + id + ");\n"
                    + "INSERT INTO stock_log (product_id) VALUES (" + id + ");");

            h.file("products", "{\"sku\": \"b-2\", \"name\": \"Bolt M2\"}", "{\"sku\": \"N-1\", \"name\": \"Nut\"}");
            assertThat(h.apply(null).files())
                    .containsExactly(new AppliedFile("products", "products", DataMode.REPLACE, 2, 0, 1, 0));
            assertThat(h.rows("SELECT id, sku, name FROM products ORDER BY name"))
                    .containsExactly(List.of(id, "b-2", "Bolt M2"), List.of(h.rows("SELECT id FROM products "
                            + "WHERE name = 'Nut'").get(0).get(0), "N-1", "Nut"));
            assertThat(h.rows("SELECT product_id FROM stock_log")).containsExactly(List.of(id), List.of(id));
            // the table now spells the key as the file does: nothing left to change
            assertThat(h.apply(null).files())
                    .containsExactly(new AppliedFile("products", "products", DataMode.REPLACE, 2, 0, 0, 0));
        }
    }

    @ParameterizedTest
    @EngineMatrix(variants = true)
    void upsertUpdatesARowWhoseKeyTheDatabaseHoldsEqual(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, schema(engine))) {
            h.manifest(REPLACE.replace("replace", "upsert"));
            h.db.execute("INSERT INTO products (sku, name) VALUES ('B-2', 'Bolt');");
            String id = h.rows("SELECT id FROM products").get(0).get(0);
            h.db.execute("INSERT INTO stock_log (product_id) VALUES (" + id + ");");

            h.file("products", "{\"sku\": \"b-2\", \"name\": \"Bolt M2\"}", "{\"sku\": \"w-3\", \"name\": \"Washer\"}");
            assertThat(h.apply(null).files())
                    .containsExactly(new AppliedFile("products", "products", DataMode.UPSERT, 2, 1, 1, 0));
            assertThat(h.rows("SELECT id, sku, name FROM products WHERE sku = 'B-2'"))
                    .containsExactly(List.of(id, "b-2", "Bolt M2"));
            assertThat(h.rows("SELECT product_id FROM stock_log")).containsExactly(List.of(id));
        }
    }

    /** A line equal to a table row's key that another line names identically: both lines are named. */
    @ParameterizedTest
    @EngineMatrix(variants = true)
    void twoLinesEqualToOneTableRowAreRefused(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, schema(engine))) {
            h.manifest(REPLACE);
            h.db.execute("INSERT INTO products (sku, name) VALUES ('B-2', 'Bolt');");
            h.file("products", "{\"sku\": \"B-2\", \"name\": \"Bolt\"}", "{\"sku\": \"n-1\", \"name\": \"Nut\"}",
                    "{\"sku\": \"b-2\", \"name\": \"Bolt M2\"}");
            Path file = h.ws.target().resolve("data/products.jsonl");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessageStartingWith(file
                    + ":3: the row's key [\"b-2\"] equals the key [\"B-2\"] of line 1 as the database compares them");
            assertThat(h.rows("SELECT sku, name FROM products")).containsExactly(List.of("B-2", "Bolt"));
        }
    }

    /** Two new lines the database holds equal, found by the temporary table's collation (SQLite's has none). */
    @ParameterizedTest
    @EngineMatrix(servers = true, variants = true)
    void twoNewLinesTheDatabaseHoldsEqualAreRefused(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, schema(engine))) {
            h.manifest(REPLACE);
            h.file("products", "{\"sku\": \"A-1\", \"name\": \"Anchor\"}", "{\"sku\": \"B-2\", \"name\": \"Bolt\"}",
                    "{\"sku\": \"a-1\", \"name\": \"anchor\"}");
            Path file = h.ws.target().resolve("data/products.jsonl");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessageStartingWith(file
                    + ":3: the row's key [\"a-1\"] equals the key [\"A-1\"] of line 1 as the database compares them");
            assertThat(h.rows("SELECT sku FROM products")).isEmpty();
        }
    }

    /** MySQL's PAD SPACE collations ignore trailing spaces, even binary ones. */
    @Test
    void mysqlPadSpaceCollationIgnoresTrailingSpaces() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql", """
                CREATE TABLE codes (code VARCHAR(10) COLLATE utf8mb4_bin PRIMARY KEY, label VARCHAR(20));""")) {
            h.manifest("[core]\nfiles = [{ name = \"codes\", table = \"codes\", mode = \"replace\" }]\n");
            h.db.execute("INSERT INTO codes (code, label) VALUES ('x', 'old');");
            h.file("codes", "{\"code\": \"x \", \"label\": \"new\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("codes", "codes", DataMode.REPLACE, 1, 0, 1, 0));
            assertThat(h.rows("SELECT label FROM codes")).containsExactly(List.of("new"));
        }
    }

    /**
     * A column without a type holds an integer and a string of the same digits as two keys, as SQLite does and as
     * their JSON differs; a string repeated is one key, named by its lines.
     */
    @Test
    void sqliteUntypedKeysAreToldApartAsTheirJson() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite", "CREATE TABLE things (k PRIMARY KEY, name TEXT);")) {
            h.manifest("[core]\nfiles = [{ name = \"things\", table = \"things\", mode = \"upsert\", on = [\"k\"] }]\n");
            h.file("things", "{\"k\": 1, \"name\": \"integer\"}", "{\"k\": \"1\", \"name\": \"text\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("things", "things", DataMode.UPSERT, 2, 2, 0, 0));
            assertThat(h.rows("SELECT typeof(k), name FROM things ORDER BY name"))
                    .containsExactly(List.of("integer", "integer"), List.of("text", "text"));

            h.file("things", "{\"k\": \"a\", \"name\": \"first\"}", "{\"k\": 1, \"name\": \"one\"}",
                    "{\"k\": \"a\", \"name\": \"second\"}");
            Path file = h.ws.target().resolve("data/things.jsonl");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessage(file + ":3: the row repeats the key [\"a\"] of line 1.");
        }
    }
}

