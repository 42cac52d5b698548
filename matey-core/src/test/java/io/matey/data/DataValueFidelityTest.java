package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values at the edges of what data files hold come back from an export → apply round trip as they were. */
class DataValueFidelityTest {

    private static final String MANIFEST = """
            [all]
            files = [{ name = "t", table = "t", mode = "replace", order_by = ["id"] }]
            """;

    @TempDir
    Path dir;

    /** Exports, applies into a fresh database at head, and checks that the fresh database exports the same bytes. */
    private static String roundTrip(DataHarness h, String expectedFile) {
        h.manifest(MANIFEST);
        h.export(null);
        String exported = h.file("t");
        assertThat(exported).isEqualTo(expectedFile);
        TestDatabase fresh = h.freshAtHead();
        h.apply(fresh, null);
        h.file("t", "stale");
        h.export(fresh, null);
        assertThat(h.file("t")).isEqualTo(exported);
        assertThat(h.apply(fresh, null).files()).as("re-apply of an unchanged file")
                .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, expectedFile.split("\n").length, 0, 0, 0));
        return exported;
    }

    @Test
    void postgresInfinitiesRoundTripAsPostgresSpellsThem() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres",
                "CREATE TABLE t (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz);")) {
            h.db.execute("INSERT INTO t VALUES (1, '-infinity', '-infinity', '-infinity'), "
                    + "(2, 'infinity', 'infinity', 'infinity'), (3, '2024-01-02', '2024-01-02 03:04:05', '2024-01-02 03:04:05+00')");
            roundTrip(h, """
                    {"d": "-infinity", "id": 1, "ts": "-infinity", "tz": "-infinity"}
                    {"d": "infinity", "id": 2, "ts": "infinity", "tz": "infinity"}
                    {"d": "2024-01-02", "id": 3, "ts": "2024-01-02T03:04:05", "tz": "2024-01-02T03:04:05+00:00"}
                    """);
            assertThat(h.rows("SELECT d::text, ts::text, tz::text FROM t ORDER BY id")).first()
                    .isEqualTo(List.of("-infinity", "-infinity", "-infinity"));
        }
    }

    @Test
    void postgresJsonKeepsSqlNullJsonNullAndNumbersAsWritten() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres", "CREATE TABLE t (id int PRIMARY KEY, meta jsonb, j json);")) {
            h.db.execute("INSERT INTO t VALUES (1, 'null', 'null'), (2, NULL, NULL), "
                    + "(3, '{\"a\": [1.50, 2e3]}', '{\"a\": [1.50, 2e3]}'), (4, '{\"$json\": 1}', '\"Refund \u2013 \u00fcn\u00efcode\"')");
            roundTrip(h, """
                    {"id": 1, "j": {"$json": null}, "meta": {"$json": null}}
                    {"id": 2, "j": null, "meta": null}
                    {"id": 3, "j": {"a": [1.50, 2e+3]}, "meta": {"a": [1.50, 2000]}}
                    {"id": 4, "j": "Refund \u2013 \u00fcn\u00efcode", "meta": {"$json": {"$json": 1}}}
                    """);
            assertThat(h.rows("SELECT meta::text, meta IS NULL FROM t WHERE id IN (1, 2) ORDER BY id"))
                    .containsExactly(List.of("null", "f"), Arrays.asList(null, "t"));
        }
    }

    @Test
    void mariadbJsonKeepsNumbersAsWritten() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql-other", "CREATE TABLE t (id int PRIMARY KEY, j json);")) {
            h.db.execute("INSERT INTO t VALUES (1, '{\"k\": 1.10}'), (2, 'null'), (3, NULL)");
            roundTrip(h, """
                    {"id": 1, "j": {"k": 1.10}}
                    {"id": 2, "j": {"$json": null}}
                    {"id": 3, "j": null}
                    """);
        }
    }

    @Test
    void aValueNoFileFormHoldsIsAnErrorNamingTableRowAndColumn() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite", "CREATE TABLE t (id INTEGER PRIMARY KEY, d DATE);")) {
            h.db.execute("INSERT INTO t VALUES (7, 'soon');");
            h.manifest(MANIFEST);
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("Cannot export table 't' to data file 't': row [id] = [7], column 'd' (DATE): ");
        }
    }
}
