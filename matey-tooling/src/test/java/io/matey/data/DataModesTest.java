package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.EngineMatrix;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** Acceptance 2: replace, upsert with a composite key and insert, with their counts, on every engine. */
class DataModesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void replaceMakesTheTableEqualTheFile(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20));")) {
            h.manifest("[core]\nfiles = [{ name = \"items\", table = \"items\", mode = \"replace\", order_by = [\"id\"] }]\n");
            h.db.execute("INSERT INTO items (id, name) VALUES (2, 'two');\nINSERT INTO items (id, name) VALUES (1, 'one');");
            DataExportResult exported = h.export(null);
            assertThat(exported.set()).isEqualTo("core");
            assertThat(exported.files()).containsExactly(new ExportedFile("items", "items", DataMode.REPLACE, 2, true));
            assertThat(h.file("items")).isEqualTo("{\"id\": 1, \"name\": \"one\"}\n{\"id\": 2, \"name\": \"two\"}\n");

            h.file("items", "{\"id\": 4, \"name\": \"four\"}", "{\"id\": 3, \"name\": \"three\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("items", "items", DataMode.REPLACE, 2, 2, 0, 2));
            h.export(null);
            assertThat(h.file("items")).isEqualTo("{\"id\": 3, \"name\": \"three\"}\n{\"id\": 4, \"name\": \"four\"}\n");
        }
    }

    /**
     * Rows that stay are updated in place, not deleted and re-inserted: rows of other tables that reference them
     * stay valid, and columns the file does not name keep their values.
     */
    @ParameterizedTest
    @EngineMatrix
    void replaceUpdatesKeptRowsInPlace(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, """
                CREATE TABLE roles (id BIGINT NOT NULL PRIMARY KEY, label VARCHAR(20), note VARCHAR(20));
                CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, role_id BIGINT NOT NULL REFERENCES roles (id));""")) {
            h.manifest("[core]\nfiles = [{ name = \"roles\", table = \"roles\", mode = \"replace\" }]\n");
            h.db.execute("INSERT INTO roles (id, label, note) VALUES (1, 'admin', 'kept'), (2, 'guest', NULL);\n"
                    + "INSERT INTO users (id, role_id) VALUES (10, 1);");
            h.file("roles", "{\"id\": 1, \"label\": \"Administrator\"}", "{\"id\": 3, \"label\": \"editor\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("roles", "roles", DataMode.REPLACE, 2, 1, 1, 1));
            assertThat(h.rows("SELECT id, label, note FROM roles ORDER BY id"))
                    .containsExactly(List.of("1", "Administrator", "kept"), Arrays.asList("3", "editor", null));
        }
    }

    /** No file row can carry a null key, so replace by {@code on} removes the table's rows that have one. */
    @ParameterizedTest
    @EngineMatrix
    void replaceRemovesRowsWithANullKey(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE codes (code VARCHAR(20), region VARCHAR(2), label VARCHAR(20));")) {
            h.manifest("[core]\nfiles = [{ name = \"codes\", table = \"codes\", mode = \"replace\", "
                    + "on = [\"code\", \"region\"] }]\n");
            h.db.execute("INSERT INTO codes (code, region, label) VALUES ('a', 'eu', 'old'), (NULL, 'eu', 'x'), "
                    + "('b', NULL, 'y'), ('c', 'us', 'gone');");
            h.file("codes", "{\"code\": \"a\", \"region\": \"eu\", \"label\": \"new\"}",
                    "{\"code\": \"b\", \"region\": \"eu\", \"label\": \"added\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("codes", "codes", DataMode.REPLACE, 2, 1, 1, 3));
            assertThat(h.rows("SELECT code, region, label FROM codes ORDER BY code"))
                    .containsExactly(List.of("a", "eu", "new"), List.of("b", "eu", "added"));
        }
    }

    /** Explicit ids from a file must not make the application's next generated id collide. */
    @ParameterizedTest
    @EngineMatrix
    void generatedIdsContinueAfterTheAppliedRows(String engine) throws Exception {
        String table = switch (engine) {
            case "postgres" -> "CREATE TABLE flags (id SERIAL PRIMARY KEY, name VARCHAR(20) NOT NULL);\n"
                    + "CREATE TABLE tags (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(20) NOT NULL);";
            case "mysql" -> "CREATE TABLE flags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL);\n"
                    + "CREATE TABLE tags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL);";
            default -> "CREATE TABLE flags (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(20) NOT NULL);\n"
                    + "CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL);";
        };
        try (DataHarness h = DataHarness.atHead(dir, engine, table)) {
            h.manifest("[core]\nfiles = [\n  { name = \"flags\", table = \"flags\", mode = \"insert\" },\n"
                    + "  { name = \"tags\", table = \"tags\", mode = \"insert\" },\n]\n");
            h.file("flags", "{\"id\": 1, \"name\": \"a\"}", "{\"id\": 7, \"name\": \"b\"}");
            h.file("tags", "{\"id\": 5, \"name\": \"x\"}");
            h.apply(null);
            h.db.execute("INSERT INTO flags (name) VALUES ('next');\nINSERT INTO tags (name) VALUES ('next');");
            assertThat(h.rows("SELECT id FROM flags WHERE name = 'next'")).containsExactly(List.of("8"));
            assertThat(h.rows("SELECT id FROM tags WHERE name = 'next'")).containsExactly(List.of("6"));
        }
    }

    /** A stored generated column is neither exported nor written: a file row naming it is refused by its line. */
    @ParameterizedTest
    @EngineMatrix
    void aStoredGeneratedColumnIsNeitherExportedNorWritten(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, "CREATE TABLE prices (id INTEGER NOT NULL PRIMARY KEY, "
                + "net INTEGER NOT NULL, gross INTEGER GENERATED ALWAYS AS (net * 2) STORED);")) {
            h.manifest("[core]\nfiles = [{ name = \"prices\", table = \"prices\", mode = \"upsert\", on = [\"id\"] }]\n");
            h.db.execute("INSERT INTO prices (id, net) VALUES (1, 10);");
            h.export(null);
            assertThat(h.file("prices")).isEqualTo("{\"id\": 1, \"net\": 10}\n");

            h.file("prices", "{\"id\": 1, \"net\": 11}", "{\"gross\": 40, \"id\": 2, \"net\": 20}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessage(h.ws.target().resolve("data/prices.jsonl") + ":2: data file 'prices' writes generated "
                            + "column(s): 'gross' (table 'prices' computes them; first on this line).");
            assertThat(h.rows("SELECT id, net, gross FROM prices")).containsExactly(List.of("1", "10", "20"));
        }
    }

    /**
     * PostgreSQL sets an identity column {@code GENERATED ALWAYS} only to DEFAULT in an UPDATE: rows exported with
     * their ids are applied by another key with the id left out of updates (also where the key is respelled as the
     * file spells it), inserted with theirs, and a row that changes its id is refused before anything is written.
     */
    @Test
    void anIdentityColumnGeneratedAlwaysIsLeftOutOfUpdates() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres", """
                CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  slug text COLLATE nocase NOT NULL UNIQUE, name text NOT NULL);""")) {
            for (String mode : List.of("upsert", "replace")) {
                h.manifest("[core]\nfiles = [{ name = \"accounts\", table = \"accounts\", mode = \"" + mode
                        + "\", on = [\"slug\"] }]\n");
                h.file("accounts", "{\"id\": 1, \"name\": \"Acme\", \"slug\": \"acme\"}");
                h.apply(null);
                h.file("accounts", "{\"id\": 1, \"name\": \"Acme " + mode + "\", \"slug\": \"acme\"}",
                        "{\"id\": 5, \"name\": \"Beta\", \"slug\": \"beta\"}");
                assertThat(h.apply(null).files().get(0).updated()).as(mode).isEqualTo(1);
                assertThat(h.rows("SELECT id, name FROM accounts ORDER BY id"))
                        .containsExactly(List.of("1", "Acme " + mode), List.of("5", "Beta"));
                h.db.execute("DELETE FROM accounts WHERE id = 5;");
            }

            h.manifest("[core]\nfiles = [{ name = \"accounts\", table = \"accounts\", mode = \"upsert\", "
                    + "on = [\"id\", \"slug\"] }]\n");
            h.file("accounts", "{\"id\": 1, \"name\": \"Acme Inc\", \"slug\": \"ACME\"}");
            assertThat(h.apply(null).files().get(0).updated()).as("the key respelled, the id not set").isEqualTo(1);
            assertThat(h.rows("SELECT id, slug, name FROM accounts")).containsExactly(List.of("1", "ACME", "Acme Inc"));

            h.manifest("[core]\nfiles = [{ name = \"accounts\", table = \"accounts\", mode = \"upsert\", "
                    + "on = [\"slug\"] }]\n");
            h.file("accounts", "{\"id\": 9, \"name\": \"Acme\", \"slug\": \"ACME\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessage(h.ws.target().resolve("data/accounts.jsonl") + ":1: the row changes column 'id' of "
                            + "table 'accounts' from 1 to 9, but the database cannot update 'id' in place: it is an "
                            + "identity column GENERATED ALWAYS. Add it to the key of data file 'accounts' "
                            + "(" + h.ws.target().resolve("data/data.toml") + ":2: data set 'core', file 1): on = [\"slug\", \"id\"]. A row whose 'id' changes is then a new "
                            + "row: inserted, and with mode replace the old one deleted (upsert keeps it). Or leave 'id' "
                            + "out of the file's rows: a row without it keeps the table's value (and a new row takes the "
                            + "next generated one).");
            assertThat(h.rows("SELECT id, name FROM accounts")).containsExactly(List.of("1", "Acme Inc"));
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void upsertMatchesACompositeKey(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, """
                CREATE TABLE permissions (role_id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, allowed BOOLEAN,
                  note VARCHAR(20), PRIMARY KEY (role_id, name));""")) {
            h.manifest("""
                    [core]
                    files = [{ name = "permissions", table = "permissions", mode = "upsert", on = ["role_id", "name"] }]
                    """);
            h.db.execute("INSERT INTO permissions (role_id, name, allowed, note) VALUES (1, 'read', true, 'r'), "
                    + "(1, 'write', false, 'kept'), (2, 'read', true, NULL);");
            h.file("permissions",
                    "{\"role_id\": 1, \"name\": \"write\", \"allowed\": true}",
                    "{\"role_id\": 2, \"name\": \"read\", \"allowed\": true, \"note\": null}",
                    "{\"role_id\": 3, \"name\": \"read\", \"allowed\": false}");
            assertThat(h.apply(null).files())
                    .containsExactly(new AppliedFile("permissions", "permissions", DataMode.UPSERT, 3, 1, 1, 0));
            h.export(null);
            assertThat(h.file("permissions")).isEqualTo("""
                    {"allowed": true, "name": "read", "note": "r", "role_id": 1}
                    {"allowed": true, "name": "write", "note": "kept", "role_id": 1}
                    {"allowed": true, "name": "read", "note": null, "role_id": 2}
                    {"allowed": false, "name": "read", "note": null, "role_id": 3}
                    """);
            assertThat(h.apply(null).files().get(0)).as("applying the export changes nothing")
                    .isEqualTo(new AppliedFile("permissions", "permissions", DataMode.UPSERT, 4, 0, 0, 0));
        }
    }

    /** The key needs no unique constraint: rows are matched by their values, not by the database's conflict rules. */
    @ParameterizedTest
    @EngineMatrix
    void upsertNeedsNoConstraintOnItsKey(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE labels (code VARCHAR(20) NOT NULL, locale CHAR(2) NOT NULL, text VARCHAR(40));")) {
            h.manifest("[core]\nfiles = [{ name = \"labels\", table = \"labels\", mode = \"upsert\", on = [\"code\", \"locale\"] }]\n");
            h.db.execute("INSERT INTO labels (code, locale, text) VALUES ('hi', 'en', 'Hello'), ('hi', 'de', 'Hallo');");
            h.file("labels", "{\"code\": \"hi\", \"locale\": \"de\", \"text\": \"Guten Tag\"}",
                    "{\"code\": \"hi\", \"locale\": \"fr\", \"text\": \"Bonjour\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("labels", "labels", DataMode.UPSERT, 2, 1, 1, 0));
            assertThat(h.rows("SELECT locale, text FROM labels ORDER BY locale")).containsExactly(
                    List.of("de", "Guten Tag"), List.of("en", "Hello"), List.of("fr", "Bonjour"));
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void insertAppendsAndKeylessReplaceRewritesTheTable(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE events (kind VARCHAR(20), amount INTEGER);\nCREATE TABLE tags (name VARCHAR(20));")) {
            h.manifest("""
                    [core]
                    files = [
                      { name = "events", table = "events", mode = "insert", order_by = ["kind", "amount"] },
                      { name = "tags", table = "tags", mode = "replace", order_by = "name" },
                    ]
                    """);
            h.db.execute("INSERT INTO events (kind, amount) VALUES ('seed', 0);\nINSERT INTO tags (name) VALUES ('old'), ('b');");
            h.file("events", "{\"kind\": \"a\", \"amount\": 1}", "", "{\"kind\": \"b\"}");
            h.file("tags", "{\"name\": \"b\"}", "{\"name\": \"a\"}");
            assertThat(h.apply(null).files()).containsExactly(
                    new AppliedFile("events", "events", DataMode.INSERT, 2, 2, 0, 0),
                    new AppliedFile("tags", "tags", DataMode.REPLACE, 2, 2, 0, 2));
            assertThat(h.apply(null).files().get(0).inserted()).isEqualTo(2);
            h.export(null);
            assertThat(h.file("events")).isEqualTo("""
                    {"amount": 1, "kind": "a"}
                    {"amount": 1, "kind": "a"}
                    {"amount": null, "kind": "b"}
                    {"amount": null, "kind": "b"}
                    {"amount": 0, "kind": "seed"}
                    """);
            assertThat(h.file("tags")).isEqualTo("{\"name\": \"a\"}\n{\"name\": \"b\"}\n");
        }
    }

    /** Rows that tie on order_by come out in the same order whatever order the database holds them in. */
    @ParameterizedTest
    @EngineMatrix
    void exportIsStableWhenOrderByTies(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE flags (grp INTEGER NOT NULL, name VARCHAR(20) NOT NULL, enabled BOOLEAN);")) {
            h.manifest("[core]\nfiles = [{ name = \"flags\", table = \"flags\", mode = \"replace\", order_by = \"grp\" }]\n");
            h.db.execute("INSERT INTO flags VALUES (2, 'z', true), (1, 'b', false), (1, 'a', true), (2, 'y', false);");
            h.export(null);
            String first = h.file("flags");
            assertThat(first).isEqualTo("""
                    {"enabled": false, "grp": 1, "name": "b"}
                    {"enabled": true, "grp": 1, "name": "a"}
                    {"enabled": false, "grp": 2, "name": "y"}
                    {"enabled": true, "grp": 2, "name": "z"}
                    """);
            h.db.execute("DELETE FROM flags;\nINSERT INTO flags VALUES (1, 'a', true), (2, 'y', false), (2, 'z', true), (1, 'b', false);");
            assertThat(h.export(null).files().get(0).changed()).isFalse();
        }
    }

    /**
     * Like replace, upsert without {@code on} matches rows by the table's primary key; only a table without one needs
     * {@code on}, named at its data.toml entry.
     */
    @Test
    void upsertWithoutOnMatchesByThePrimaryKey() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite",
                "CREATE TABLE settings (k TEXT PRIMARY KEY, v TEXT);\nCREATE TABLE loose (k TEXT, v TEXT);")) {
            h.manifest("[core]\nfiles = [{ name = \"settings\", table = \"settings\", mode = \"upsert\" }]\n");
            h.db.execute("INSERT INTO settings VALUES ('kept', 'x');");
            h.file("settings", "{\"k\": \"a\", \"v\": \"1\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("settings", "settings", DataMode.UPSERT, 1, 1, 0, 0));
            h.file("settings", "{\"k\": \"a\", \"v\": \"2\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("settings", "settings", DataMode.UPSERT, 1, 0, 1, 0));
            assertThat(h.rows("SELECT k, v FROM settings ORDER BY k")).containsExactly(List.of("a", "2"), List.of("kept", "x"));

            h.manifest("[core]\nfiles = [{ name = \"settings\", table = \"loose\", mode = \"upsert\" }]\n");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessage(h.ws.target().resolve("data/data.toml") + ":2: data set 'core', file 1: data file "
                            + "'settings' with mode='upsert' needs a key: table 'loose' has no primary key to match its "
                            + "rows by. Add on = [\"<column>\", ...] (columns that tell the rows apart) to this entry.");
        }
    }
}
