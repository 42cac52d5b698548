package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set names any table the database has, as the database spells it (spaces, mixed case, non-ASCII, a dot in
 * double quotes), and every statement data apply and export build quotes it (docs/architecture.md §3 "Data dialect").
 */
class DataTableNamesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            sqlite   | CREATE TABLE "Order Notes" (id INTEGER PRIMARY KEY, body TEXT NOT NULL);                          | Order Notes           | "Order Notes"
            postgres | CREATE TABLE "a.b" (id integer PRIMARY KEY, body text NOT NULL);                                  | \"a.b\"               | "a.b"
            postgres | CREATE SCHEMA app; CREATE TABLE app."Order Items" (id integer PRIMARY KEY, body text NOT NULL);   | app.Order Items       | app."Order Items"
            postgres | CREATE TABLE "Bestellpositionen_ä" (id integer PRIMARY KEY, body text NOT NULL);                | Bestellpositionen_ä   | "Bestellpositionen_ä"
            """)
    void applyExportAndReapplyWriteTheTableTheDatabaseSpells(String engine, String schema, String table, String sql)
            throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, schema)) {
            h.db.execute("INSERT INTO " + sql + " (id, body) VALUES (9, 'gone')");
            h.manifest("[core]\nfiles = [{ name = \"notes\", table = '" + table + "', mode = \"replace\" }]\n");
            h.file("notes", "{\"id\": 1, \"body\": \"x\"}", "{\"id\": 2, \"body\": \"y\"}");

            AppliedFile applied = h.apply(null).files().get(0);
            assertThat(applied.table()).isEqualTo(table);
            assertThat(List.of(applied.inserted(), applied.deleted())).containsExactly(2, 1);
            assertThat(h.rows("SELECT id, body FROM " + sql + " ORDER BY id"))
                    .containsExactly(List.of("1", "x"), List.of("2", "y"));

            h.export(null);
            assertThat(h.file("notes")).isEqualTo("{\"body\": \"x\", \"id\": 1}\n{\"body\": \"y\", \"id\": 2}\n");

            AppliedFile again = h.apply(null).files().get(0);
            assertThat(List.of(again.inserted(), again.updated(), again.deleted())).containsExactly(0, 0, 0);
        }
    }
}
