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
 * Values written by hand, as users write them rather than as {@code data export} does, apply, apply again as a no-op,
 * and export as the same values; a value the column would store as another is refused by line, with the value to
 * write instead.
 */
class DataUserSpellingsTest {

    private static final String MANIFEST = """
            [all]
            files = [{ name = "t", table = "t", mode = "replace" }]
            """;

    @TempDir
    Path dir;

    /** Applies {@code lines}, applies them again and then their export (both change nothing), and returns the export. */
    private static String settle(DataHarness h, String... lines) {
        h.manifest(MANIFEST);
        h.file("t", lines);
        assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, lines.length, lines.length, 0, 0));
        assertThat(h.apply(null).files()).as("the same file again")
                .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, lines.length, 0, 0, 0));
        h.export(null);
        String exported = h.file("t");
        assertThat(h.apply(null).files()).as("its export")
                .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, lines.length, 0, 0, 0));
        return exported;
    }

    private static final String MARIADB_TABLE = """
            CREATE TABLE t (id int PRIMARY KEY, d decimal(10,2), j json, dt datetime, dt6 datetime(6), ts timestamp(3) NULL,
              tm time, tm3 time(3), dd date, b bit(8), ok boolean, y year, e enum('a','B'), s set('x','y'),
              bl blob, ub bigint unsigned, f float, db double);
            """;

    /**
     * MariaDB: a decimal as a number or with fewer digits, JSON with other key order and spaces, times with fewer
     * fraction digits than their column's (a TIME's as main's durations spell them), a set's members in another order, an enum label in another case, and
     * 4-byte floats with all their digits (the server's text of a FLOAT keeps six) settle and export as the table
     * holds them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void mariadbValuesWrittenByHandSettle(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, MARIADB_TABLE)) {
            String exported = settle(h,
                    "{\"id\": 1, \"d\": 1.5, \"j\": {\"b\":1 , \"a\": [ 2.50 ]}, \"dt\": \"2026-01-02 03:04:05\", "
                            + "\"dt6\": \"2026-01-02T03:04:05.1234\", \"ts\": \"2026-01-02T03:04:05.5\", \"tm\": \"03:04:00\", "
                            + "\"tm3\": \"03:04:05.25\", \"dd\": \"2026-01-02\", \"b\": \"05\", \"ok\": 1, \"y\": 2026, "
                            + "\"e\": \"b\", \"s\": \"y,x\", \"bl\": \"F0FF41\", \"ub\": 18446744073709551615, "
                            + "\"f\": 16777216, \"db\": 0.30000000000000004}",
                    "{\"id\": 2, \"d\": \"2\", \"f\": 123456.7, \"db\": 1e300, \"ok\": false, \"j\": \"s\"}");
            assertThat(exported).isEqualTo("""
                    {"b": "05", "bl": "f0ff41", "d": "1.50", "db": 0.30000000000000004, "dd": "2026-01-02", \
                    "dt": "2026-01-02T03:04:05", "dt6": "2026-01-02T03:04:05.123400", "e": "B", "f": 16777216.0, "id": 1, \
                    "j": {"a": [2.50], "b": 1}, "ok": true, "s": "x,y", "tm": "03:04:00", "tm3": "03:04:05.250", \
                    "ts": "2026-01-02T03:04:05.500", "ub": 18446744073709551615, "y": 2026}
                    {"b": null, "bl": null, "d": "2.00", "db": 1e+300, "dd": null, "dt": null, "dt6": null, "e": null, \
                    "f": 123456.7, "id": 2, "j": "s", "ok": false, "s": null, "tm": null, "tm3": null, "ts": null, \
                    "ub": null, "y": null}
                    """);
        }
    }

    /**
     * MariaDB would store these as other values (read a two-digit year as 20xx or 19xx, round a float's digits), so that the table differs from the file at every apply: refused by line, naming the
     * value to write, before any row is written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void mariadbRefusesValuesItWouldStoreOtherwise(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, MARIADB_TABLE)) {
            h.manifest(MANIFEST);
            for (List<String> refused : List.of(
                    List.of("\"y\": 26", "column 'y' (year): 26 is out of range [1901, 2155]"),
                    List.of("\"bl\": 5", "column 'bl' (blob): expected a hex string, got 5: bytes are written as the hex"
                            + " of each byte, \"05\" for this value"),
                    List.of("\"f\": 16777217", "column 'f' (float): 16777217 has more digits than float keeps: the database"
                            + " would store 16777216.0; write that, or keep the digits in a DECIMAL column"),
                    List.of("\"db\": 0.10000000000000000555", "column 'db' (double): 0.10000000000000000555 has more digits"
                            + " than double keeps: the database would store 0.1"))) {
                h.file("t", "{\"id\": 1}", "{\"id\": 2, " + refused.get(0) + "}");
                assertThatThrownBy(() -> h.apply(null)).as(refused.get(0)).isInstanceOf(MateyException.class)
                        .hasMessageContaining("t.jsonl:2: " + refused.get(1));
            }
            assertThat(h.rows("SELECT COUNT(*) FROM t")).containsExactly(List.of("0"));
        }
    }

    private static final String CLICKHOUSE_TABLE = """
            CREATE TABLE t (id UInt32, av Array(Variant(String, UInt64)), mv Map(String, Array(Nullable(Int32))),
              mvv Map(String, Variant(String, Float64)),
              tv Tuple(a Variant(String, UInt64), b Int8), d3 DateTime64(3), d9 DateTime64(9, 'Asia/Tokyo'),
              dt DateTime('Europe/Berlin'), j JSON, lc LowCardinality(Nullable(String)), dec Decimal(10, 2), u64 UInt64,
              i128 Int128, u256 UInt256, n Nested(x UInt8, y String), e Enum8('a' = 1, 'b' = -2), ip4 IPv4, ip6 IPv6,
              u UUID, f32 Float32, f64 Float64, vd Variant(DateTime64(3), String), dd Date, b Bool)
              ENGINE = MergeTree ORDER BY id;
            """;

    /**
     * ClickHouse: variants nested in arrays, maps and tuples, maps of arrays, times with fewer fraction digits than their
     * type's or a space for the {@code T}, JSON with other key order, decimals as numbers, integers beyond 64 bits, a
     * Nested's arrays, addresses and UUIDs as users spell them settle and export as the table holds them.
     */
    @Test
    void clickHouseValuesWrittenByHandSettle() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse", CLICKHOUSE_TABLE)) {
            String exported = settle(h,
                    "{\"id\": 1, \"av\": [\"x\", 1, null], \"mv\": {\"k\": [1, null], \"e\": []}, \"tv\": [\"x\", -1], "
                            + "\"mvv\": {\"b\": 1.5, \"a\": \"x\"}, "
                            + "\"d3\": \"2026-01-02 03:04:05.1\", \"d9\": \"2026-01-02T03:04:05.123456789\", "
                            + "\"dt\": \"2026-07-02T03:04:05\", \"j\": {\"b\": 1, \"a\": {\"c\": [1, 2]}}, \"lc\": \"x\", "
                            + "\"dec\": 1.5, \"u64\": 18446744073709551615, \"i128\": -170141183460469231731687303715884105728, "
                            + "\"u256\": 115792089237316195423570985008687907853269984665640564039457584007913129639935, "
                            + "\"n.x\": [1, 2], \"n.y\": [\"a\", \"b\"], \"e\": \"b\", \"ip4\": \"10.0.0.1\", "
                            + "\"ip6\": \"2001:DB8::1\", \"u\": \"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11\", \"f32\": 0.1, "
                            + "\"f64\": 0.30000000000000004, \"vd\": \"hello\", \"dd\": \"2026-01-02\", \"b\": true}",
                    "{\"id\": 2, \"tv\": [7, 0], \"lc\": null, \"dec\": \"2\", \"ip6\": \"::ffff:10.0.0.1\", \"f32\": 16777216, "
                            + "\"vd\": \"2026-01-02T03:04:05.5\"}");
            assertThat(exported).isEqualTo("""
                    {"av": ["x", 1, null], "b": true, "d3": "2026-01-02T03:04:05.100", "d9": "2026-01-02T03:04:05.123456789", \
                    "dd": "2026-01-02", "dec": "1.50", "dt": "2026-07-02T03:04:05", "e": "b", "f32": 0.1, \
                    "f64": 0.30000000000000004, "i128": -170141183460469231731687303715884105728, "id": 1, "ip4": "10.0.0.1", \
                    "ip6": "2001:db8::1", "j": {"a": {"c": [1, 2]}, "b": 1}, "lc": "x", "mv": {"e": [], "k": [1, null]}, \
                    "mvv": {"a": "x", "b": 1.5}, "n.x": [1, 2], "n.y": ["a", "b"], "tv": ["x", -1], \
                    "u": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "u256": 115792089237316195423570985008687907853269984665640564039457584007913129639935, \
                    "u64": 18446744073709551615, "vd": "hello"}
                    {"av": [], "b": false, "d3": "1970-01-01T00:00:00.000", "d9": "1970-01-01T09:00:00.000000000", \
                    "dd": "1970-01-01", "dec": "2.00", "dt": "1970-01-01T01:00:00", "e": "b", "f32": 16777216.0, "f64": 0.0, \
                    "i128": 0, "id": 2, "ip4": "0.0.0.0", "ip6": "::ffff:10.0.0.1", "j": {}, "lc": null, "mv": {}, "mvv": {}, \
                    "n.x": [], "n.y": [], "tv": [7, 0], "u": "00000000-0000-0000-0000-000000000000", "u256": 0, "u64": 0, \
                    "vd": "2026-01-02T03:04:05.5"}
                    """);
        }
    }

    /**
     * ClickHouse holds a Nested's arrays at one length per row (an update of others would be a mutation that fails
     * and holds back every later mutation of the table), skips local times in a daylight-saving gap, and holds a
     * zoned timestamp as the local time of its zone: refused by line, naming what to write, before any row is
     * written, and the table takes the next apply.
     */
    @Test
    void clickHouseRefusesValuesItWouldStoreOtherwise() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse", CLICKHOUSE_TABLE)) {
            h.manifest(MANIFEST);
            h.file("t", "{\"id\": 1, \"n.x\": [1], \"n.y\": [\"a\"]}");
            h.apply(null);
            for (List<String> refused : List.of(
                    List.of("\"n.x\": [1, 2, 3], \"n.y\": [\"a\", \"b\"]", "column 'n.y' has 2 element(s) and 'n.x' 3: they"
                            + " are arrays of Nested 'n', which ClickHouse holds at one length per row; write each of them"
                            + " with the same number of elements."),
                    List.of("\"n.y\": [\"a\", \"b\"]", "the row writes some of the arrays of Nested 'n' but not 'n.x': "
                            + "ClickHouse holds them at one length per row, so write all of 'n.x', 'n.y', each with the "
                            + "same number of elements."),
                    List.of("\"dt\": \"2026-03-29T02:30:00\"", "column 'dt' (DateTime('Europe/Berlin')): 2026-03-29 02:30:00"
                            + " does not exist in Europe/Berlin (its clocks skip it), so ClickHouse would store another "
                            + "time: write 2026-03-29 03:30:00, the same instant."),
                    List.of("\"d9\": \"2026-01-02T03:04:05.123456789Z\"", "column 'd9' (DateTime64(9, 'Asia/Tokyo')): "
                            + "\"2026-01-02T03:04:05.123456789Z\" has a UTC offset, but data files write DateTime64(9, "
                            + "'Asia/Tokyo') as its local time in Asia/Tokyo, without one: write "
                            + "\"2026-01-02T12:04:05.123456789\" for this instant."),
                    List.of("\"d3\": \"2026-01-02T03:04:05+02:00\"", "column 'd3' (DateTime64(3)): \"2026-01-02T03:04:05+02:00\""
                            + " has a UTC offset, but the column has no time zone: write the time without it"),
                    List.of("\"f32\": 16777217", "column 'f32' (Float32): 16777217 has more digits than Float32 keeps: "
                            + "the database would store 16777216.0"))) {
                h.file("t", "{\"id\": 1, \"n.x\": [1], \"n.y\": [\"a\"]}", "{\"id\": 2, " + refused.get(0) + "}");
                assertThatThrownBy(() -> h.apply(null)).as(refused.get(0)).isInstanceOf(MateyException.class)
                        .hasMessageContaining("t.jsonl:2: " + refused.get(1));
            }
            h.file("t", "{\"id\": 1, \"n.x\": [1, 2], \"n.y\": [\"a\", \"b\"]}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, 1, 0, 1, 0));
            assertThat(h.rows("SELECT id, n.x, n.y FROM t")).containsExactly(List.of("1", "[1, 2]", "['a', 'b']"));
        }
    }
}
