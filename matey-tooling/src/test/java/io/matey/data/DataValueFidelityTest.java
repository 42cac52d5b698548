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

    static final String MANIFEST = """
            [all]
            files = [{ name = "t", table = "t", mode = "replace", order_by = ["id"] }]
            """;

    @TempDir
    Path dir;

    /** Exports, applies into a fresh database at head, and checks that the fresh database exports the same bytes. */
    static String roundTrip(DataHarness h, String expectedFile) {
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

    /**
     * SQLite has no date type: values are text, compared as text. Apply stores them as SQLite's own functions write
     * them, so a row from a file compares with the application's rows; files keep the ISO form.
     */
    @Test
    void sqliteTimesAreStoredAsSqliteWritesThem() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, paid_at TIMESTAMP, at DATETIME, d DATE, tm TIME);")) {
            h.db.execute("INSERT INTO t VALUES (1, datetime('2024-01-02 10:00:00'), '2024-01-02 10:00:00.500', "
                    + "date('2024-01-02'), time('10:00:00')), (2, '2024-01-02 10:00:00.123456+01:00', NULL, NULL, '10:00:00.250')");
            roundTrip(h, """
                    {"at": "2024-01-02T10:00:00.500000", "d": "2024-01-02", "id": 1, "paid_at": "2024-01-02T10:00:00", "tm": "10:00:00"}
                    {"at": null, "d": null, "id": 2, "paid_at": "2024-01-02T10:00:00.123456+01:00", "tm": "10:00:00.250000"}
                    """);
            TestDatabase fresh = h.freshAtHead();
            h.apply(fresh, null);
            assertThat(DataHarness.rows(fresh, "SELECT paid_at, at, d, tm, paid_at <= '2024-01-02 23:59:59' FROM t ORDER BY id"))
                    .containsExactly(List.of("2024-01-02 10:00:00", "2024-01-02 10:00:00.500", "2024-01-02", "10:00:00", "1"),
                            Arrays.asList("2024-01-02 10:00:00.123456+01:00", null, null, "10:00:00.250", "1"));
        }
    }

    /**
     * A key the application wrote in SQLite's form is the key a file gives in ISO form: the unchanged file changes
     * nothing, and a changed value updates the application's row rather than adding one.
     */
    @Test
    void aSqliteTimestampKeyMatchesTheApplicationsRow() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite", "CREATE TABLE t (paid_at TIMESTAMP PRIMARY KEY, amount INTEGER);")) {
            h.db.execute("INSERT INTO t VALUES (CURRENT_TIMESTAMP, 1), ('2024-01-02 10:00:00', 2)");
            h.manifest("""
                    [all]
                    files = [{ name = "t", table = "t", mode = "replace", order_by = ["paid_at"] }]
                    """);
            h.export(null);
            assertThat(h.apply(null).files()).as("re-apply of the exported file")
                    .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 2, 0, 0, 0));
            h.file("t", h.file("t").replace("\"amount\": 2", "\"amount\": 3").strip().split("\n"));
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 2, 0, 1, 0));
            assertThat(h.rows("SELECT paid_at, amount FROM t WHERE paid_at = '2024-01-02 10:00:00'"))
                    .containsExactly(List.of("2024-01-02 10:00:00", "3"));
        }
    }

    /**
     * Rows written before apply stored SQLite's form (by an older Matey, or by hand) spell a timestamp key in ISO
     * form ({@code 2024-01-02T03:04:05}, {@code .500000}): the same key in either form is one row, so replace updates
     * and deletes it rather than missing it, and a key the database matches (a NOCASE column) finds it too.
     */
    @Test
    void aSqliteTimestampKeyInIsoFormIsTheFilesKey() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite",
                "CREATE TABLE t (at TIMESTAMP PRIMARY KEY, amount INTEGER);"
                        + "CREATE TABLE u (name TEXT COLLATE NOCASE, at TIMESTAMP, tm TIME, amount INTEGER, "
                        + "PRIMARY KEY (name, at, tm));")) {
            h.db.execute("INSERT INTO t VALUES ('2024-01-02T03:04:05', 1), ('2024-01-02T03:04:06.500000', 2), "
                    + "('2024-01-02T03:04:07', 3);"
                    + "INSERT INTO u VALUES ('bob', '2024-01-02T03:04:05.250000', '10:00:00.250000', 1)");
            h.manifest("""
                    [all]
                    files = [{ name = "t", table = "t", mode = "replace" }, { name = "u", table = "u", mode = "upsert", on = ["name", "at", "tm"] }]
                    """);
            h.file("t", "{\"amount\": 10, \"at\": \"2024-01-02T03:04:05\"}",
                    "{\"amount\": 2, \"at\": \"2024-01-02T03:04:06.500000\"}");
            h.file("u", "{\"amount\": 5, \"at\": \"2024-01-02T03:04:05.250000\", \"name\": \"Bob\", \"tm\": \"10:00:00.250000\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 2, 0, 1, 1),
                    new AppliedFile("u", "u", DataMode.UPSERT, 1, 0, 1, 0));
            assertThat(h.rows("SELECT at, amount FROM t ORDER BY amount")).containsExactly(
                    List.of("2024-01-02T03:04:06.500000", "2"), List.of("2024-01-02T03:04:05", "10"));
            assertThat(h.rows("SELECT name, at, tm, amount FROM u"))
                    .containsExactly(List.of("Bob", "2024-01-02 03:04:05.250", "10:00:00.250", "5"));
            assertThat(h.apply(null).files()).as("nothing left to change").containsExactly(
                    new AppliedFile("t", "t", DataMode.REPLACE, 2, 0, 0, 0), new AppliedFile("u", "u", DataMode.UPSERT, 1, 0, 0, 0));
        }
    }

    /**
     * A SQLite timestamp or time key spelled by hand with another number of fraction digits ({@code .5},
     * {@code .500000}, none for {@code .000}), with a {@code T} or a space, is the file's key for the same instant,
     * its offset kept: upsert updates the row rather than inserting a second one beside it. A finer fraction is
     * another key.
     */
    @Test
    void aSqliteTimeKeyWithOtherFractionDigitsIsTheFilesKey() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite",
                "CREATE TABLE t (at TIMESTAMP PRIMARY KEY, amount INTEGER);"
                        + "CREATE TABLE u (at DATETIME, tm TIME, amount INTEGER, PRIMARY KEY (at, tm));")) {
            h.db.execute("INSERT INTO t VALUES ('2024-01-02 03:04:05.5', 1), ('2024-01-02T03:04:06.500', 2), "
                    + "('2024-01-02T03:04:07.000', 3), ('2024-01-02 03:04:08.5+02:00', 4), ('2024-01-02 03:04:09.5000001', 5);"
                    + "INSERT INTO u VALUES ('2024-01-02T03:04:05.25', '10:00:00.250000', 1)");
            h.manifest("""
                    [all]
                    files = [{ name = "t", table = "t", mode = "upsert", on = ["at"] }, { name = "u", table = "u", mode = "upsert", on = ["at", "tm"] }]
                    """);
            h.file("t", "{\"amount\": 10, \"at\": \"2024-01-02T03:04:05.500\"}",
                    "{\"amount\": 20, \"at\": \"2024-01-02T03:04:06.5\"}",
                    "{\"amount\": 30, \"at\": \"2024-01-02T03:04:07\"}",
                    "{\"amount\": 40, \"at\": \"2024-01-02T03:04:08.500000+02:00\"}",
                    "{\"amount\": 50, \"at\": \"2024-01-02T03:04:09.5\"}");
            h.file("u", "{\"amount\": 5, \"at\": \"2024-01-02T03:04:05.250\", \"tm\": \"10:00:00.25\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.UPSERT, 5, 1, 4, 0),
                    new AppliedFile("u", "u", DataMode.UPSERT, 1, 0, 1, 0));
            assertThat(h.rows("SELECT at, amount FROM t ORDER BY amount")).containsExactly(
                    List.of("2024-01-02 03:04:09.5000001", "5"), List.of("2024-01-02 03:04:05.5", "10"),
                    List.of("2024-01-02T03:04:06.500", "20"), List.of("2024-01-02T03:04:07.000", "30"),
                    List.of("2024-01-02 03:04:08.5+02:00", "40"), List.of("2024-01-02 03:04:09.500", "50"));
            assertThat(h.rows("SELECT at, tm, amount FROM u"))
                    .containsExactly(List.of("2024-01-02T03:04:05.25", "10:00:00.250000", "5"));
            assertThat(h.apply(null).files()).as("nothing left to change").containsExactly(
                    new AppliedFile("t", "t", DataMode.UPSERT, 5, 0, 0, 0), new AppliedFile("u", "u", DataMode.UPSERT, 1, 0, 0, 0));
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

    /**
     * A SQLite value keeps its storage class whatever the column declares: a blob in a TEXT column has no file form
     * (its hex would be applied as text), so export refuses it by row and column; in a BLOB column it is hex, applied
     * back as the same bytes.
     */
    @Test
    void aSqliteBlobRoundTripsAsHexOnlyInABlobColumn() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB, note TEXT, v);")) {
            h.db.execute("INSERT INTO t VALUES (1, X'F0FF41', 'x', 2)");
            roundTrip(h, "{\"b\": \"f0ff41\", \"id\": 1, \"note\": \"x\", \"v\": 2}\n");
            assertThat(h.rows("SELECT hex(b), typeof(b) FROM t")).containsExactly(List.of("F0FF41", "blob"));
            h.db.execute("UPDATE t SET note = X'F0FF41'");
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("Cannot export table 't' to data file 't': row [id] = [1], column 'note' (TEXT): "
                            + "holds a blob, which a data file holds (as hex) only in a column declared BLOB");
            h.db.execute("UPDATE t SET note = 'x', v = X'00'");
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("row [id] = [1], column 'v' ((no type)): holds a blob");
        }
    }

    /**
     * A SQLite column not declared JSON would store a JSON object or array as its text, and a column of no type a
     * boolean as 1 or 0, which export writes back as a string and a number: apply refuses them by line and column, as
     * a text column refuses them on every engine, while a column declared JSON keeps them.
     */
    @Test
    void aSqliteColumnNotDeclaredJsonRefusesValuesExportWouldNotGiveBack() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, j JSON, v, s STRING);")) {
            h.db.execute("INSERT INTO t VALUES (1, '{\"a\": [1, true]}', 2.5, '{\"a\": 1}')");
            roundTrip(h, "{\"id\": 1, \"j\": {\"a\": [1, true]}, \"s\": \"{\\\"a\\\": 1}\", \"v\": 2.5}\n");
            h.file("t", "{\"id\": 2, \"v\": {\"a\": 1}}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:1: column 'v' ((no type)): expected a string or a number, got "
                            + "{\"a\":1}: SQLite would store its text, which export writes back as a string; declare the "
                            + "column JSON to hold JSON values, or write this one as a JSON string");
            h.file("t", "{\"id\": 2, \"s\": [1]}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:1: column 's' (STRING): expected a string or a number, got [1]");
            h.file("t", "{\"id\": 2, \"v\": true}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:1: column 'v' ((no type)): expected a string or a number, got true: "
                            + "SQLite would store 1, which export writes back as a number; write 1 or 0, or declare the "
                            + "column BOOLEAN");
            assertThat(h.rows("SELECT id FROM t")).containsExactly(List.of("1"));
        }
    }

    /** A ClickHouse String holds any bytes; ones that are not UTF-8 have no file form, so export refuses them. */
    @Test
    void aClickHouseStringThatIsNotUtf8IsRefusedByRowAndColumn() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse",
                "CREATE TABLE t (id UInt32, s String, f FixedString(4)) ENGINE = MergeTree ORDER BY id;")) {
            h.db.execute("INSERT INTO t VALUES (1, 'é', 'ab'), (2, unhex('F0FF41'), 'ab')");
            h.manifest(MANIFEST);
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("Cannot export table 't' to data file 't': row [id] = [2], column 's' (String): "
                            + "holds bytes that are not UTF-8");
            h.db.execute("ALTER TABLE t DELETE WHERE id = 2 SETTINGS mutations_sync = 2");
            roundTrip(h, "{\"f\": \"ab\", \"id\": 1, \"s\": \"\u00e9\"}\n");
        }
    }

    /**
     * Strings inside a ClickHouse array, map or tuple are refused by row and column as a String column's are, by
     * export and by apply comparing the file with the table, rather than read with replacement characters.
     */
    @Test
    void clickHouseStringsInsideStructuresThatAreNotUtf8AreRefusedByRowAndColumn() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse", "CREATE TABLE t (id UInt32, a Array(Nullable(String)), "
                + "m Map(LowCardinality(String), String), u Tuple(n UInt8, s FixedString(2))) ENGINE = MergeTree ORDER BY id;")) {
            h.db.execute("INSERT INTO t VALUES (1, ['\u00e9', NULL], {'k': 'v'}, (1, 'ab')), (2, ['x'], {'k': 'v'}, (2, 'ab'))");
            roundTrip(h, """
                    {"a": ["\u00e9", null], "id": 1, "m": {"k": "v"}, "u": [1, "ab"]}
                    {"a": ["x"], "id": 2, "m": {"k": "v"}, "u": [2, "ab"]}
                    """);
            h.manifest(MANIFEST.replace("order_by", "on"));
            for (String bad : List.of("a = [unhex('F0FF41')]", "m = map(unhex('FF'), 'v')", "u = (2, unhex('FE41'))")) {
                h.db.execute("ALTER TABLE t UPDATE " + bad + " WHERE id = 2 SETTINGS mutations_sync = 2");
                String column = bad.substring(0, 1);
                assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                        .hasMessageStartingWith("Cannot export table 't' to data file 't': row [id] = [2], column '" + column + "' (")
                        .hasMessageContaining("): holds a String with bytes that are not UTF-8");
                assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                        .hasMessageStartingWith("Cannot compare data file 't' with table 't': row [id] = [2], column '" + column + "' (")
                        .hasMessageContaining("): holds a String with bytes that are not UTF-8");
                h.db.execute("ALTER TABLE t UPDATE " + column + " = " + (column.equals("a") ? "['x']"
                        : column.equals("m") ? "map('k', 'v')" : "(2, 'ab')") + " WHERE id = 2 SETTINGS mutations_sync = 2");
            }
        }
    }

    /**
     * A ClickHouse Variant or Dynamic value may be a String, which the driver would read with replacement characters:
     * one that is not UTF-8 is refused by row and column, as a String column's is; UTF-8 text is exported as it is.
     */
    @Test
    void clickHouseVariantAndDynamicStringsThatAreNotUtf8AreRefusedByRowAndColumn() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse", "CREATE TABLE t (id UInt32, v Variant(String, UInt64), "
                + "d Dynamic) ENGINE = MergeTree ORDER BY id;")) {
            h.db.execute("INSERT INTO t VALUES (1, 'caf\u00e9', 'na\u00efve'), (2, 'x', 'y')");
            h.manifest(MANIFEST);
            h.export(null);
            assertThat(h.file("t")).isEqualTo("{\"d\": \"na\u00efve\", \"id\": 1, \"v\": \"caf\u00e9\"}\n"
                    + "{\"d\": \"y\", \"id\": 2, \"v\": \"x\"}\n");
            for (String bad : List.of("v = unhex('F0FF41')", "d = unhex('FE41')")) {
                h.db.execute("ALTER TABLE t UPDATE " + bad + " WHERE id = 2 SETTINGS mutations_sync = 2");
                String column = bad.substring(0, 1);
                assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                        .hasMessageStartingWith("Cannot export table 't' to data file 't': row [id] = [2], column '" + column + "' (")
                        .hasMessageContaining("): holds bytes that are not UTF-8 (hex ");
                h.db.execute("ALTER TABLE t UPDATE " + column + " = 'x' WHERE id = 2 SETTINGS mutations_sync = 2");
            }
        }
    }

    /**
     * MariaDB geometry travels as WKT ({@code SRID=n;} first when its SRID is not 0), written through
     * ST_GeomFromText and compared as the geometry it makes, so WKT spelled otherwise changes nothing and text that
     * is no WKT is refused by its line.
     */
    @Test
    void mariadbGeometryRoundTripsAsWkt() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql",
                "CREATE TABLE t (id int PRIMARY KEY, p point NOT NULL, g geometry);")) {
            h.db.execute("INSERT INTO t VALUES (1, ST_GeomFromText('POINT(1 2)'), NULL), "
                    + "(2, ST_GeomFromText('POINT(-0.5 8)', 4326), ST_GeomFromText('LINESTRING(0 0,1 1.5)'))");
            roundTrip(h, """
                    {"g": null, "id": 1, "p": "POINT(1 2)"}
                    {"g": "LINESTRING(0 0,1 1.5)", "id": 2, "p": "SRID=4326;POINT(-0.5 8)"}
                    """);
            h.file("t", "{\"g\": \"LINESTRING (0 0, 1 1.50)\", \"id\": 2, \"p\": \"SRID=4326;POINT (-0.5 8.0)\"}",
                    "{\"g\": null, \"id\": 1, \"p\": \"POINT(1 2)\"}");
            assertThat(h.apply(null).files()).as("the same geometries spelled otherwise")
                    .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 2, 0, 0, 0));
            h.file("t", "{\"g\": null, \"id\": 3, \"p\": \"POINT(1 2\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:1: column 'p': \"POINT(1 2\" is no point value the database reads");
            assertThat(h.rows("SELECT ST_AsText(p), ST_SRID(p) FROM t ORDER BY id"))
                    .containsExactly(List.of("POINT(1 2)", "0"), List.of("POINT(-0.5 8)", "4326"));
        }
    }

    /** A MariaDB JSON column with a CHECK of its own is still JSON (the result-set metadata calls it LONGTEXT). */
    @Test
    void mariadbJsonWithItsOwnCheckHoldsJson() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql-other",
                "CREATE TABLE t (id int PRIMARY KEY, profile JSON NULL CHECK (profile IS NULL OR JSON_VALID(profile)), "
                        + "`odd``name` JSON CHECK (json_valid(`odd``name`) AND json_length(`odd``name`) < 5));")) {
            h.db.execute("INSERT INTO t VALUES (1, '{\"k\": 1.10}', '[1]'), (2, NULL, 'null')");
            roundTrip(h, """
                    {"id": 1, "odd`name": [1], "profile": {"k": 1.10}}
                    {"id": 2, "odd`name": {"$json": null}, "profile": null}
                    """);
        }
    }

    /**
     * PostgreSQL's money is written as its number whatever the server's lc_monetary, and a value the server rewrites
     * ({@code 10.0.0.1/32} in an inet column, {@code $12.30}) is compared as the column holds it: applying the same
     * file again changes nothing.
     */
    @Test
    void postgresMoneyAndInetCompareAsTheColumnHoldsThem() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres",
                "CREATE TABLE t (id int PRIMARY KEY, m money, ip inet, u uuid);")) {
            h.db.execute("INSERT INTO t VALUES (1, 12.34, '10.0.0.1/32', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'), (2, -1, NULL, NULL)");
            roundTrip(h, """
                    {"id": 1, "ip": "10.0.0.1", "m": "12.34", "u": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"}
                    {"id": 2, "ip": null, "m": "-1.00", "u": null}
                    """);
            h.file("t", "{\"id\": 1, \"ip\": \"10.0.0.1/32\", \"m\": \"12.340\", \"u\": \"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11\"}",
                    "{\"id\": 2, \"ip\": null, \"m\": \"-1\", \"u\": null}");
            assertThat(h.apply(null).files()).as("the same values spelled otherwise")
                    .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 2, 0, 0, 0));
            h.file("t", "{\"id\": 1, \"ip\": \"10.0.0.300\", \"m\": \"12.34\", \"u\": null}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:1: column 'ip': the database refuses \"10.0.0.300\" as inet");
        }
    }

    /**
     * Arrays of the types PostgreSQL rewrites compare element by element as the column holds them: money[] as its
     * numbers whatever lc_monetary, inet[] and interval[] as the server normalises them.
     */
    @Test
    void postgresArraysOfRewrittenTypesCompareAsTheColumnHoldsThem() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres",
                "CREATE TABLE t (id int PRIMARY KEY, m money[], ip inet[], d interval[]);")) {
            h.db.execute("INSERT INTO t VALUES (1, '{12.34,-1}', '{10.0.0.1/32,NULL}', '{\"1 day 25 hours\"}'), (2, NULL, '{}', NULL)");
            roundTrip(h, """
                    {"d": ["1 day 25:00:00"], "id": 1, "ip": ["10.0.0.1", null], "m": ["12.34", "-1.00"]}
                    {"d": null, "id": 2, "ip": [], "m": null}
                    """);
            h.file("t", "{\"d\": [\"P1DT25H\"], \"id\": 1, \"ip\": [\"10.0.0.1/32\", null], \"m\": [\"12.340\", \"-1\"]}",
                    "{\"d\": null, \"id\": 2, \"ip\": [], \"m\": null}");
            assertThat(h.apply(null).files()).as("the same values spelled otherwise")
                    .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 2, 0, 0, 0));
            h.file("t", "{\"d\": null, \"id\": 1, \"ip\": [\"10.0.0.300\"], \"m\": null}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:1: column 'ip': the database refuses [\"10.0.0.300\"] as inet[]");
        }
    }

    /**
     * Any other type the server spells in its own way (an extension's hstore, a range, a text search vector, a
     * geometric point, also in an array) is compared as the column holds it: a file written otherwise than
     * {@code data export} writes it changes nothing on the next apply, so no UPDATE trigger fires.
     */
    @Test
    void postgresHstoreRangesAndOtherTypesCompareAsTheColumnHoldsThem() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres", """
                CREATE EXTENSION IF NOT EXISTS hstore;
                CREATE TABLE t (id int PRIMARY KEY, h hstore, r tstzrange, v tsvector, p point, rs int4range[],
                  updates int NOT NULL DEFAULT 0);
                CREATE FUNCTION count_update() RETURNS trigger LANGUAGE plpgsql AS
                  $$BEGIN NEW.updates := OLD.updates + 1; RETURN NEW; END$$;
                CREATE TRIGGER counted BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION count_update();
                """)) {
            h.manifest("""
                    [all]
                    files = [{ name = "t", table = "t", mode = "upsert", on = ["id"] }]
                    """);
            h.file("t", "{\"h\": \"a=>1\", \"id\": 1, \"p\": \"1,2\", \"r\": \"[2024-01-01 00:00:00+00,)\", "
                    + "\"rs\": [\"[1,3]\"], \"v\": \"b a\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.UPSERT, 1, 1, 0, 0));
            assertThat(h.apply(null).files()).as("the same values, spelled otherwise than the server spells them")
                    .containsExactly(new AppliedFile("t", "t", DataMode.UPSERT, 1, 0, 0, 0));
            assertThat(h.rows("SELECT h -> 'a', lower(r) = '2024-01-01 00:00:00+00', v::text, p[1], rs::text, updates FROM t"))
                    .containsExactly(List.of("1", "t", "'a' 'b'", "2", "{\"[1,4)\"}", "0"));
            h.file("t", "{\"h\": \"a=>2\", \"id\": 1, \"p\": \"1,2\", \"r\": \"[2024-01-01 00:00:00+00,)\", "
                    + "\"rs\": [\"[1,3]\"], \"v\": \"b a\"}");
            assertThat(h.apply(null).files()).as("a changed value")
                    .containsExactly(new AppliedFile("t", "t", DataMode.UPSERT, 1, 0, 1, 0));
            h.file("t", "{\"h\": \"a=>\", \"id\": 1}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:1: column 'h': the database refuses \"a=>\" as hstore");
        }
    }
}
