package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Acceptance 1: every supported column type survives export → apply into a fresh database at head → export with
 * identical bytes, and re-exporting an unchanged table changes nothing.
 */
class DataRoundTripTest {

    private static final String MANIFEST = """
            [all]
            files = [{ name = "every_type", table = "every_type", mode = "replace", order_by = ["id"] }]
            """;

    private record Case(String schema, String rows, String firstLine) {
    }

    /**
     * Per engine: the table, rows written the way an application would (literals in the engine's own SQL), and
     * the first exported line, which pins the type mapping.
     */
    private static final Map<String, Case> CASES = Map.of(
            "sqlite", new Case("""
                    CREATE TABLE every_type (
                      id INTEGER NOT NULL PRIMARY KEY, i BIGINT, b BOOLEAN, d DECIMAL(10,2), n NUMERIC, f REAL,
                      dt DATE, tm TIME, ts TIMESTAMP, tsz TIMESTAMP, bl BLOB, j JSON, v VARCHAR(20), t TEXT, x);""",
                    """
                    INSERT INTO every_type VALUES (1, 9223372036854775807, 1, 12.5, 3.25, 1.5, '2024-01-02', '10:11:12.5',
                      '2024-01-02 10:11:12', '2024-01-02T10:11:12+02:00', x'00ff', '{"b": 1, "a": [1, 2.5, null]}',
                      'h\u00e9llo "q"', 'two
                    lines', 42);
                    INSERT INTO every_type (id) VALUES (2);
                    INSERT INTO every_type VALUES (3, -9223372036854775808, 0, -0.5, 0, -2.5e-300, '1999-12-31', '00:00:00',
                      '1999-12-31T23:59:59.999999', '1999-12-31 23:59:59-05:30', x'', '[]', '\ud83d\ude00', '', 'text');
                    """,
                    "{\"b\": true, \"bl\": \"00ff\", \"d\": \"12.50\", \"dt\": \"2024-01-02\", \"f\": 1.5,"
                    + " \"i\": 9223372036854775807, \"id\": 1, \"j\": {\"a\": [1, 2.5, null], \"b\": 1},"
                    + " \"n\": \"3.25\", \"t\": \"two\\nlines\", \"tm\": \"10:11:12.500000\","
                    + " \"ts\": \"2024-01-02T10:11:12\", \"tsz\": \"2024-01-02T10:11:12+02:00\","
                    + " \"v\": \"h\u00e9llo \\\"q\\\"\", \"x\": 42}"),
            "postgres", new Case("""
                    CREATE TYPE mood AS ENUM ('happy', 'sad');
                    CREATE TABLE every_type (
                      id bigint NOT NULL PRIMARY KEY, i2 smallint, i4 integer, i8 bigint, b boolean, d numeric(10,2),
                      n numeric, f4 real, f8 double precision, dt date, tm time, ts timestamp, tstz timestamptz,
                      bl bytea, j json, jb jsonb, v varchar(20), c char(3), t text, u uuid, m mood, arr integer[],
                      ta text[], md integer[][], iv interval, ident bigint GENERATED ALWAYS AS IDENTITY,
                      gen integer GENERATED ALWAYS AS (i2 + 1) STORED);""",
                    """
                    INSERT INTO every_type (id, i2, i4, i8, b, d, n, f4, f8, dt, tm, ts, tstz, bl, j, jb, v, c, t, u, m, arr, ta, md, iv)
                    VALUES (1, 32767, 2147483647, 9223372036854775807, true, 12.5, 3.250, 0.1, 0.1, '2024-01-02',
                      '10:11:12.5', '2024-01-02 10:11:12', '2024-01-02 10:11:12+02', '\\x00ff',
                      '{"b": 1, "a": [1, 2.5, null]}', '{"b": 1, "a": {"y": 1.10, "x": "\u00e9"}}', 'h\u00e9llo "q"', 'ab',
                      E'two\\nlines', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'sad', '{1,2,NULL}', '{"a,b",c}',
                      '{{1,2},{3,4}}', '1 day 02:00:00');
                    INSERT INTO every_type (id) VALUES (2);
                    INSERT INTO every_type (id, i2, i4, i8, b, d, n, f4, f8, dt, tm, ts, tstz, bl, j, jb, v, c, t)
                    VALUES (3, -32768, -2147483648, -9223372036854775808, false, -0.5, 1e-20, 'NaN', '-Infinity',
                      '0001-01-01', '23:59:59.999999', '1999-12-31 23:59:59.999999', '1999-12-31 23:59:59-05:30', '',
                      '[]', '"s"', '\ud83d\ude00', 'abc', '');
                    """,
                    "{\"arr\": [1, 2, null], \"b\": true, \"bl\": \"00ff\", \"c\": \"ab \", \"d\": \"12.50\","
                    + " \"dt\": \"2024-01-02\", \"f4\": 0.1, \"f8\": 0.1, \"i2\": 32767, \"i4\": 2147483647,"
                    + " \"i8\": 9223372036854775807, \"id\": 1, \"ident\": 1, \"iv\": \"1 day 02:00:00\","
                    + " \"j\": {\"a\": [1, 2.5, null], \"b\": 1}, \"jb\": {\"a\": {\"x\": \"\u00e9\", \"y\": 1.10},"
                    + " \"b\": 1}, \"m\": \"sad\", \"md\": [[1, 2], [3, 4]], \"n\": \"3.250\", \"t\": \"two\\nlines\", \"ta\": [\"a,b\", \"c\"],"
                    + " \"tm\": \"10:11:12.500000\", \"ts\": \"2024-01-02T10:11:12\","
                    + " \"tstz\": \"2024-01-02T08:11:12+00:00\", \"u\": \"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\","
                    + " \"v\": \"h\u00e9llo \\\"q\\\"\"}"),
            "mysql", new Case("""
                    CREATE TABLE every_type (
                      id bigint NOT NULL PRIMARY KEY, ti tinyint, si smallint, mi mediumint, i int, bi bigint,
                      ub bigint unsigned, b boolean, d decimal(10,2), f float, f8 double, dt date, tm time(6),
                      dtt datetime(6), ts timestamp(6) NULL, bl blob, vb varbinary(10), j json, v varchar(20),
                      c char(3), t text, e enum('a','b'), st set('x','y'), yr year, bt bit(3),
                      gen int GENERATED ALWAYS AS (ti + 1) STORED);""",
                    """
                    INSERT INTO every_type (id, ti, si, mi, i, bi, ub, b, d, f, f8, dt, tm, dtt, ts, bl, vb, j, v, c, t, e, st, yr, bt)
                    VALUES (1, 127, 32767, 8388607, 2147483647, 9223372036854775807, 18446744073709551615, true, 12.5,
                      0.1, 0.1, '2024-01-02', '10:11:12.5', '2024-01-02 10:11:12', '2024-01-02 10:11:12.25', x'00ff',
                      x'01', '{"b": 1, "a": [1, 2.5, null]}', 'h\u00e9llo "q"', 'ab', 'two\\nlines', 'b', 'x,y',
                      2024, b'101');
                    INSERT INTO every_type (id) VALUES (2);
                    INSERT INTO every_type (id, ti, si, mi, i, bi, ub, b, d, f, f8, dt, tm, dtt, bl, vb, j, v, c, t, e, st, yr, bt)
                    VALUES (3, -128, -32768, -8388608, -2147483648, -9223372036854775808, 0, false, -0.5, -1.5e-10,
                      -2.5e-300, '1000-01-01', '00:00:00', '1999-12-31 23:59:59.999999', '', '', '[]', '\ud83d\ude00',
                      '', '', 'a', '', 1901, b'0');
                    """,
                    "{\"b\": true, \"bi\": 9223372036854775807, \"bl\": \"00ff\", \"bt\": \"05\", \"c\": \"ab\","
                    + " \"d\": \"12.50\", \"dt\": \"2024-01-02\", \"dtt\": \"2024-01-02T10:11:12.000000\", \"e\": \"b\","
                    + " \"f\": 0.1, \"f8\": 0.1, \"i\": 2147483647, \"id\": 1, \"j\": {\"a\": [1, 2.5, null],"
                    + " \"b\": 1}, \"mi\": 8388607, \"si\": 32767, \"st\": \"x,y\", \"t\": \"two\\nlines\","
                    + " \"ti\": 127, \"tm\": \"10:11:12.500000\", \"ts\": \"2024-01-02T10:11:12.250000\","
                    + " \"ub\": 18446744073709551615, \"v\": \"h\u00e9llo \\\"q\\\"\", \"vb\": \"01\", \"yr\": 2024}"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void everyTypeRoundTripsWithIdenticalBytes(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, CASES.get(engine).schema())) {
            h.db.execute(CASES.get(engine).rows());
            h.manifest(MANIFEST);
            assertThat(h.export(null).files()).extracting(ExportedFile::rows, ExportedFile::changed)
                    .containsExactly(tuple(3, true));
            String exported = h.file("every_type");
            assertThat(exported).startsWith(CASES.get(engine).firstLine() + "\n");

            TestDatabase fresh = h.freshAtHead();
            DataApplyResult applied = h.apply(fresh, null);
            assertThat(applied.files()).containsExactly(new AppliedFile("every_type", "every_type", DataMode.REPLACE, 3, 3, 0, 0));
            h.file("every_type", "stale");
            h.export(fresh, null);
            assertThat(h.file("every_type")).isEqualTo(exported);

            assertThat(h.export(null).files().get(0).changed()).as("re-export of an unchanged table").isFalse();
            assertThat(h.apply(fresh, null).files().get(0)).as("re-apply of an unchanged file writes nothing")
                    .isEqualTo(new AppliedFile("every_type", "every_type", DataMode.REPLACE, 3, 0, 0, 0));
        }
    }

    /** MariaDB's INVISIBLE column, which {@code SELECT *} leaves out, is applied and exported like any other. */
    @Test
    void anInvisibleColumnRoundTrips() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql",
                "CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, note VARCHAR(20) INVISIBLE);")) {
            h.manifest("[all]\nfiles = [{ name = \"notes\", table = \"notes\", mode = \"replace\", order_by = [\"id\"] }]\n");
            h.file("notes", "{\"id\": 1, \"note\": \"x\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("notes", "notes", DataMode.REPLACE, 1, 1, 0, 0));
            assertThat(h.rows("SELECT id, note FROM notes")).containsExactly(List.of("1", "x"));

            h.db.execute("INSERT INTO notes (id, note) VALUES (2, 'y');");
            h.export(null);
            assertThat(h.file("notes")).isEqualTo("{\"id\": 1, \"note\": \"x\"}\n{\"id\": 2, \"note\": \"y\"}\n");
        }
    }

    /**
     * A MariaDB system-versioned table's declared period columns are the server's, and its key's ROW END too: a file
     * gives the rows by their own key, and export writes no clock values.
     */
    @Test
    void aVersionedTablesPeriodColumnsAreTheServers() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql", "CREATE TABLE terms (id INT PRIMARY KEY, terms TEXT, "
                + "row_start TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE, "
                + "row_end TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE, PERIOD FOR SYSTEM_TIME(row_start, row_end)) "
                + "WITH SYSTEM VERSIONING; CREATE TABLE plain (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING;")) {
            h.manifest("[all]\nfiles = [{ name = \"terms\", table = \"terms\", mode = \"upsert\", on = [\"id\"] }, "
                    + "{ name = \"plain\", table = \"plain\", mode = \"replace\" }]\n");
            h.file("terms", "{\"id\": 1, \"terms\": \"net 30\"}");
            h.file("plain", "{\"id\": 1, \"v\": 2}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("terms", "terms", DataMode.UPSERT, 1, 1, 0, 0),
                    new AppliedFile("plain", "plain", DataMode.REPLACE, 1, 1, 0, 0));
            h.file("terms", "{\"id\": 1, \"terms\": \"net 60\"}");
            assertThat(h.apply(null).files().get(0)).isEqualTo(new AppliedFile("terms", "terms", DataMode.UPSERT, 1, 0, 1, 0));
            assertThat(h.rows("SELECT COUNT(*) FROM terms FOR SYSTEM_TIME ALL")).containsExactly(List.of("2"));

            h.export(null);
            assertThat(h.file("terms")).isEqualTo("{\"id\": 1, \"terms\": \"net 60\"}\n");
            assertThat(h.file("plain")).isEqualTo("{\"id\": 1, \"v\": 2}\n");
        }
    }

    /** Values MariaDB spells its own way compare as it stores them, so re-applying an unchanged file writes nothing. */
    @Test
    void mariadbsOwnSpellingsOfAFilesValuesAreNoChange() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql", "CREATE TABLE f (id INT PRIMARY KEY, "
                + "tags SET('a','b','c'), state ENUM('old','new'), u UUID, ip INET6, ip4 INET4);")) {
            h.manifest("[all]\nfiles = [{ name = \"f\", table = \"f\", mode = \"replace\" }]\n");
            h.file("f", "{\"id\": 1, \"tags\": \"c,a,c\", \"state\": \"OLD\", "
                    + "\"u\": \"123E4567-E89B-12D3-A456-426614174000\", \"ip\": \"0:0:0:0:0:0:0:1\", \"ip4\": \"10.0.0.1\"}");
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("f", "f", DataMode.REPLACE, 1, 1, 0, 0));
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("f", "f", DataMode.REPLACE, 1, 0, 0, 0));
            h.export(null);
            assertThat(h.file("f")).isEqualTo("{\"id\": 1, \"ip\": \"::1\", \"ip4\": \"10.0.0.1\", \"state\": \"old\", "
                    + "\"tags\": \"a,c\", \"u\": \"123e4567-e89b-12d3-a456-426614174000\"}\n");
        }
    }
}
