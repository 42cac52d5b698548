package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A row data apply read by its key but that the UPDATE or DELETE by that key does not find fails the set, so the
 * report never counts a change that did not happen (docs/architecture.md §3).
 */
class DataMissedRowsTest {

    /** A file written first, then the gauges: a failure must leave both tables as they were. */
    private static final String MANIFEST = "[core]\nfiles = [{ name = \"notes\", table = \"notes\", mode = \"replace\" },\n"
            + "  { name = \"gauges\", table = \"gauges\", mode = \"%s\", on = [\"reading\"] }]\n";

    private static final String NOT_FOUND = "the database did not find the row of table 'gauges' by key ";

    @TempDir
    Path dir;

    /**
     * MariaDB compares a FLOAT column with the parameter's exact decimal value ({@code 0.1}), which the FLOAT's
     * stored approximation never equals: the row read as 0.1 is not found by that key. Also with batches whose
     * results give no row counts ({@code useBulkStmts=true}: SUCCESS_NO_INFO).
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "?useBulkStmts=true"})
    void anUpdateThatFindsNoRowFailsTheSetOnMariadb(String options) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql", """
                CREATE TABLE gauges (reading FLOAT NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL);
                CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body VARCHAR(20) NOT NULL);""")) {
            h.manifest(MANIFEST.formatted("upsert"));
            h.file("notes", "{\"body\": \"written first\", \"id\": 1}");
            h.db.execute("INSERT INTO gauges (reading, label) VALUES (0.1, 'low'), (2.5, 'mid'), (0.7, 'high');");
            h.file("gauges", "{\"label\": \"mid+\", \"reading\": 2.5}", "{\"label\": \"low+\", \"reading\": 0.1}",
                    "{\"label\": \"high+\", \"reading\": 0.7}");
            Path file = h.ws.target().resolve("data/gauges.jsonl");
            assertThatThrownBy(() -> h.apply(h.db.url().raw() + options, null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(file + ":2: " + NOT_FOUND + "[0.1]");
            assertThat(h.rows("SELECT * FROM notes")).isEmpty();
            assertThat(h.rows("SELECT label FROM gauges ORDER BY label")).containsExactly(List.of("high"), List.of("low"),
                    List.of("mid"));
        }
    }

    /**
     * A trigger that skips the delete of a row replace removes (PostgreSQL: a BEFORE trigger returning NULL;
     * SQLite: RAISE(IGNORE)): the key is named, and nothing of the set is written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "sqlite"})
    void aDeleteThatFindsNoRowFailsTheSet(String engine) throws Exception {
        String keep = engine.equals("postgres") ? """
                CREATE FUNCTION keep_gauge() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
                CREATE TRIGGER keep_gauge BEFORE DELETE ON gauges FOR EACH ROW EXECUTE FUNCTION keep_gauge();""" : """
                CREATE TRIGGER keep_gauge BEFORE DELETE ON gauges BEGIN SELECT RAISE(IGNORE); END;""";
        try (DataHarness h = DataHarness.atHead(dir, engine, """
                CREATE TABLE gauges (reading REAL NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL);
                CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body VARCHAR(20) NOT NULL);
                """ + keep)) {
            h.manifest(MANIFEST.formatted("replace"));
            h.file("notes", "{\"body\": \"written first\", \"id\": 1}");
            h.db.execute("INSERT INTO gauges (reading, label) VALUES (0.5, 'low'), (2.5, 'mid');");
            h.file("gauges", "{\"label\": \"mid+\", \"reading\": 2.5}");
            Path file = h.ws.target().resolve("data/gauges.jsonl");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(file + ": " + NOT_FOUND + "[0.5], which the file no longer holds (mode "
                            + "replace): data apply read it from the table, but the DELETE by that key changed no row. "
                            + "The set's transaction was rolled back; no table was changed.");
            assertThat(h.rows("SELECT * FROM notes")).isEmpty();
            assertThat(h.rows("SELECT label FROM gauges ORDER BY label")).containsExactly(List.of("low"), List.of("mid"));
        }
    }

    /**
     * MySQL counts an UPDATE that leaves a row's values as they were as changing none, unless the connection asks
     * for found rows: Matey's always does, whatever the URL says, so a row found but kept (here by a trigger) is
     * no failure.
     */
    @Test
    void aRowFoundButLeftAsItWasIsNoFailureOnMariadb() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql", """
                CREATE TABLE gauges (reading INT NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL);
                CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body VARCHAR(20) NOT NULL);
                CREATE TRIGGER keep_label BEFORE UPDATE ON gauges FOR EACH ROW SET NEW.label = OLD.label;""")) {
            h.manifest(MANIFEST.formatted("upsert"));
            h.file("notes", "{\"body\": \"written first\", \"id\": 1}");
            h.db.execute("INSERT INTO gauges (reading, label) VALUES (1, 'low');");
            h.file("gauges", "{\"label\": \"low+\", \"reading\": 1}");
            assertThat(h.apply(h.db.url().raw() + "?useAffectedRows=true", null).files())
                    .contains(new AppliedFile("gauges", "gauges", DataMode.UPSERT, 1, 0, 1, 0));
            assertThat(h.rows("SELECT label FROM gauges")).containsExactly(List.of("low"));
        }
    }

    /**
     * A key the table holds twice as the database compares it ({@code citext} without a unique constraint): the
     * file's row matches one of them identically, but the UPDATE by that key would change both.
     */
    @Test
    void anUpdateThatFindsMoreRowsThanReadFailsTheSetOnPostgres() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres", """
                CREATE EXTENSION IF NOT EXISTS citext;
                CREATE TABLE gauges (reading citext NOT NULL, label VARCHAR(20) NOT NULL);
                CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body VARCHAR(20) NOT NULL);""")) {
            h.manifest(MANIFEST.formatted("upsert"));
            h.file("notes", "{\"body\": \"written first\", \"id\": 1}");
            h.db.execute("INSERT INTO gauges (reading, label) VALUES ('a', 'low'), ('A', 'other');");
            h.file("gauges", "{\"label\": \"low+\", \"reading\": \"a\"}");
            Path file = h.ws.target().resolve("data/gauges.jsonl");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(file + ":1: the database found 2 rows of table 'gauges' by key [\"a\"], but "
                            + "data apply read 1 under that key");
            assertThat(h.rows("SELECT * FROM notes")).isEmpty();
            assertThat(h.rows("SELECT label FROM gauges ORDER BY label")).containsExactly(List.of("low"),
                    List.of("other"));
        }
    }
}
