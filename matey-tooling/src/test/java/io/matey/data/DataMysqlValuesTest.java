package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MySQL/MariaDB values that no ISO-8601 or JSON form holds as such (durations, zero dates, booleans beyond 0 and 1,
 * fractions and bits wider than the column): each has one file form that round-trips and settles (a second apply
 * changes nothing), or is refused by row and column on export and by line on apply, before anything is written.
 */
class DataMysqlValuesTest {

    @TempDir
    Path dir;

    /** The export's round trip, after applying it to its own database changes nothing. */
    private static void roundTrip(DataHarness h, String expectedFile) {
        h.manifest(DataValueFidelityTest.MANIFEST);
        h.export(null);
        assertThat(h.apply(null).files()).as("apply of the export to its own database")
                .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, expectedFile.split("\n").length, 0, 0, 0));
        DataValueFidelityTest.roundTrip(h, expectedFile);
    }

    /** Applies a file of {@code line} and expects it refused at line 1 with {@code message}, the table unchanged. */
    private static void refused(DataHarness h, String line, String message) throws Exception {
        List<List<String>> before = h.rows("SELECT * FROM t ORDER BY id");
        h.file("t", line);
        assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessageContaining(message);
        assertThat(h.rows("SELECT * FROM t ORDER BY id")).isEqualTo(before);
    }

    /** A TIME is a duration: written as the server writes it, with the column's digits, beyond 24 hours and negative. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void timeIsADurationInTheServersSpelling(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE t (id BIGINT UNSIGNED PRIMARY KEY, t TIME, t3 TIME(3));")) {
            h.db.execute("INSERT INTO t VALUES (1, '-838:59:59', '25:00:00.123'), (2, '10:00:00', '-00:00:00.5'), "
                    + "(3, '838:59:59', '00:00:00'), (4, NULL, NULL)");
            roundTrip(h, """
                    {"id": 1, "t": "-838:59:59", "t3": "25:00:00.123"}
                    {"id": 2, "t": "10:00:00", "t3": "-00:00:00.500"}
                    {"id": 3, "t": "838:59:59", "t3": "00:00:00.000"}
                    {"id": 4, "t": null, "t3": null}
                    """);
            h.file("t", "{\"id\": 1, \"t\": \"-838:59:59.000\", \"t3\": \"25:00:00.123000\"}",
                    "{\"id\": 2, \"t\": \"10:00:00\", \"t3\": \"-0:00:00.5\"}",
                    "{\"id\": 3, \"t\": \"838:59:59\", \"t3\": \"00:00:00\"}",
                    "{\"id\": 4, \"t\": null, \"t3\": null}");
            assertThat(h.apply(null).files()).as("the same durations spelled otherwise")
                    .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 4, 0, 0, 0));
            refused(h, "{\"id\": 5, \"t\": \"839:00:00\"}",
                    "t.jsonl:1: column 't' (time): \"839:00:00\" is outside the range of time, -838:59:59 to 838:59:59");
            refused(h, "{\"id\": 5, \"t3\": \"00:00:00.1234\"}",
                    "t.jsonl:1: column 't3' (time(3)): \"00:00:00.1234\" has more than 3 digit(s) after the point");
            refused(h, "{\"id\": 5, \"t\": \"10:60:00\"}",
                    "t.jsonl:1: column 't' (time): expected a duration [-]HH:MM:SS[.ffffff] (MySQL's TIME), got \"10:60:00\"");
        }
    }

    /**
     * A DATETIME(n) or TIMESTAMP(n) exports exactly its n digits after the point, as a TIME does, and apply takes any
     * spelling of the same instant, as an older Matey's six digits, as the table's value.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aTimestampExportsItsColumnsDigits(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, "CREATE TABLE t (id int PRIMARY KEY, at DATETIME, "
                + "at3 DATETIME(3), ts6 TIMESTAMP(6) NULL, ts1 TIMESTAMP(1) NULL);")) {
            h.db.execute("INSERT INTO t VALUES (1, '2024-01-02 10:00:00', '2024-01-02 10:00:00.5', "
                    + "'2024-01-02 10:00:00.25', '2024-01-02 10:00:00.1'), (2, '2024-01-02 10:00:00', "
                    + "'2024-01-02 10:00:00', '2024-01-02 10:00:00', '2024-01-02 10:00:00'), (3, NULL, NULL, NULL, NULL)");
            roundTrip(h, """
                    {"at": "2024-01-02T10:00:00", "at3": "2024-01-02T10:00:00.500", "id": 1, "ts1": "2024-01-02T10:00:00.1", "ts6": "2024-01-02T10:00:00.250000"}
                    {"at": "2024-01-02T10:00:00", "at3": "2024-01-02T10:00:00.000", "id": 2, "ts1": "2024-01-02T10:00:00.0", "ts6": "2024-01-02T10:00:00.000000"}
                    {"at": null, "at3": null, "id": 3, "ts1": null, "ts6": null}
                    """);
            h.file("t", "{\"at\": \"2024-01-02 10:00:00.000000\", \"at3\": \"2024-01-02T10:00:00.500000\", \"id\": 1, "
                            + "\"ts1\": \"2024-01-02T10:00:00.100000\", \"ts6\": \"2024-01-02T10:00:00.25\"}",
                    "{\"at\": \"2024-01-02T10:00:00\", \"at3\": \"2024-01-02T10:00:00\", \"id\": 2, "
                            + "\"ts1\": \"2024-01-02T10:00:00\", \"ts6\": \"2024-01-02T10:00:00\"}",
                    "{\"at\": null, \"at3\": null, \"id\": 3, \"ts1\": null, \"ts6\": null}");
            assertThat(h.apply(null).files()).as("the same instants as an older Matey wrote them, and spelled otherwise")
                    .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 3, 0, 0, 0));
        }
    }

    /** A zero date has no file form: export names its row and column; apply cannot compare it either. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aZeroDateIsAnExportErrorNamingRowAndColumn(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, "CREATE TABLE t (id int PRIMARY KEY, "
                + "created DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00', d DATE);")) {
            h.db.execute("INSERT INTO t (id, d) VALUES (1, '2024-01-02'), (2, '2024-00-15')");
            h.manifest(DataValueFidelityTest.MANIFEST);
            h.file("t", "stale");
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("Cannot export table 't' to data file 't': row [id] = [1], column 'created' "
                            + "(datetime): holds 0000-00-00 00:00:00, a zero date, which no data file form holds");
            assertThat(h.file("t")).isEqualTo("stale\n");
            h.file("t", "{\"created\": \"2024-01-02T00:00:00\", \"d\": null, \"id\": 1}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("row [id] = [1], column 'created' (datetime): holds 0000-00-00 00:00:00");
            h.db.execute("UPDATE t SET created = '2024-01-02'");
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("Cannot export table 't' to data file 't': row [id] = [2], column 'd' "
                            + "(date): holds 2024-00-15, a date with a zero month or day, which no data file form holds");
        }
    }

    /** A TINYINT(1) holds more than 0 and 1: other values travel as numbers and compare as such. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aBooleanColumnHoldingOtherNumbersKeepsThem(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE t (id int PRIMARY KEY, b TINYINT(1), u TINYINT(1) UNSIGNED);")) {
            h.db.execute("INSERT INTO t VALUES (1, 5, 200), (2, 1, 0), (3, -128, 1), (4, NULL, NULL)");
            roundTrip(h, """
                    {"b": 5, "id": 1, "u": 200}
                    {"b": true, "id": 2, "u": false}
                    {"b": -128, "id": 3, "u": true}
                    {"b": null, "id": 4, "u": null}
                    """);
            h.file("t", "{\"b\": true, \"id\": 1, \"u\": 200}", "{\"b\": 1, \"id\": 2, \"u\": 0}",
                    "{\"b\": -128, \"id\": 3, \"u\": true}", "{\"b\": null, \"id\": 4, \"u\": null}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 4, 0, 1, 0));
            assertThat(h.rows("SELECT b FROM t WHERE id = 1")).containsExactly(List.of("1"));
            refused(h, "{\"b\": 128, \"id\": 5}", "t.jsonl:1: column 'b' (tinyint(1)): 128 is out of range [-128, 127]");
            refused(h, "{\"u\": -1, \"id\": 5}", "t.jsonl:1: column 'u' (tinyint(1) unsigned): -1 is out of range [0, 255]");
        }
    }

    /** A fraction finer than a DATETIME's or TIMESTAMP's digits, and bits wider than a BIT, are refused by line. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void valuesWiderThanTheColumnAreRefusedOrSettle(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, "CREATE TABLE t (id int PRIMARY KEY, at DATETIME, "
                + "at3 DATETIME(3), ts TIMESTAMP NULL, b8 BIT(8), b12 BIT(12), b4 BIT(4), b1 BIT(1));")) {
            h.db.execute("INSERT INTO t VALUES (1, '2024-02-29 23:59:59', NULL, NULL, 5, 5, 5, 1)");
            h.manifest(DataValueFidelityTest.MANIFEST);
            refused(h, "{\"at\": \"2024-02-29T23:59:59.5\", \"id\": 1}", "t.jsonl:1: column 'at' (datetime): "
                    + "2024-02-29T23:59:59.500000 has more than 0 digit(s) after the point, which datetime holds");
            refused(h, "{\"at3\": \"2024-02-29T23:59:59.1234\", \"id\": 1}", "t.jsonl:1: column 'at3' (datetime(3)): "
                    + "2024-02-29T23:59:59.123400 has more than 3 digit(s) after the point, which datetime(3) holds");
            refused(h, "{\"ts\": \"2024-02-29T23:59:59.5\", \"id\": 1}", "t.jsonl:1: column 'ts' (timestamp): ");
            refused(h, "{\"b8\": \"0105\", \"id\": 1}",
                    "t.jsonl:1: column 'b8' (bit(8)): \"0105\" has more than the 8 bit(s) bit(8) holds");
            refused(h, "{\"b4\": \"10\", \"id\": 1}",
                    "t.jsonl:1: column 'b4' (bit(4)): \"10\" has more than the 4 bit(s) bit(4) holds");
            h.file("t", "{\"at\": \"2024-02-29T23:59:59.000\", \"at3\": \"2024-02-29T23:59:59.1\", \"b12\": \"05\", "
                    + "\"b1\": \"01\", \"b4\": \"0005\", \"b8\": \"0005\", \"id\": 1, \"ts\": null}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 1, 0, 1, 0));
            assertThat(h.apply(null).files()).as("settled").containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 1, 0, 0, 0));
            h.export(null);
            assertThat(h.file("t")).contains("\"b1\": \"01\", \"b12\": \"0005\", \"b4\": \"05\", \"b8\": \"05\"");
        }
    }
}
