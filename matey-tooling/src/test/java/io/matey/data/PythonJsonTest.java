package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSONL encoding, byte for byte as Python's {@code json.dumps(sort_keys=True)} writes it (vectors from CPython 3). */
class PythonJsonTest {

    @Test
    void floatsAreWrittenAsPythonRepr() {
        double[] values = {1.5, 1e16, 1e15, 0.0001, 0.00001, 1.5e-7, -0.0, 5e-324, 1.2345e20, 0.1, 100.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 12345678.9, 0.0, -2.5e-300, 123456789012345678.0};
        List<String> written = new ArrayList<>();
        for (double value : values) {
            written.add(PythonFloats.repr(value));
        }
        // python3 -c 'print([repr(x) for x in [...]])'
        assertThat(written).containsExactly("1.5", "1e+16", "1000000000000000.0", "0.0001", "1e-05", "1.5e-07", "-0.0",
                "5e-324", "1.2345e+20", "0.1", "100.0", "NaN", "Infinity", "-Infinity", "12345678.9", "0.0",
                "-2.5e-300", "1.2345678901234568e+17");
        assertThat(PythonFloats.repr(2e-323)).isEqualTo("2e-323");
        assertThat(PythonFloats.repr(0.1f)).isEqualTo("0.1");
        assertThat(PythonFloats.repr(3.4028235e38f)).isEqualTo("3.4028235e+38");
    }

    @Test
    void nestedJsonIsSortedByCodePointWithTextAndNumbersAsWritten() throws Exception {
        JsonNode node = JsonlFile.parse("{\"b\": 1, \"a\": \"\\u00e9\\u007f\\u0001\\ud83d\\ude00\", \"A\": [1.5, 1e16, 1e-05, "
                + "NaN, Infinity, -Infinity, 10000000000000000000000], \"n\": null, \"t\": true, \"o\": {\"z\": {}, \"y\": []}, "
                + "\"\\u00e9\": 1, \"\\ud83d\\ude00\": 2, \"\\uffff\": 3, \"q\": \"\\\"\\\\\\n\\r\\t\\b\\f/\"}");
        // python3 -c 'import json; print(json.dumps({...}, sort_keys=True, ensure_ascii=False))', but with the
        // control character DEL escaped and decimals exact (1e-05 is the decimal 0.00001, not a float)
        assertThat(PythonJson.value(node)).isEqualTo("{\"A\": [1.5, 1e+16, 0.00001, NaN, Infinity, -Infinity, "
                + "10000000000000000000000], \"a\": \"\u00e9\\u007f\\u0001\ud83d\ude00\", \"b\": 1, \"n\": null, "
                + "\"o\": {\"y\": [], \"z\": {}}, \"q\": \"\\\"\\\\\\n\\r\\t\\b\\f/\", \"t\": true, \"\u00e9\": 1, "
                + "\"\uffff\": 3, \"\ud83d\ude00\": 2}");
    }

    @Test
    void dataTextIsUtf8WithInvisibleCharactersEscaped() {
        // Refund – ünïcode, then a bidi override, a zero-width space, a line separator, a C1 control, a lone surrogate
        assertThat(PythonJson.value("Refund \u2013 \u00fcn\u00efcode \u202e\u200b\u2028\u0085\ud800x"))
                .isEqualTo("\"Refund \u2013 \u00fcn\u00efcode \\u202e\\u200b\\u2028\\u0085\\ud800x\"");
    }

    @Test
    void jsonColumnValuesKeepSqlNullAndJsonNullApart() throws Exception {
        assertThat(PythonJson.value(JsonlFile.parse("null"))).isEqualTo("{\"$json\": null}");
        assertThat(PythonJson.value(JsonlFile.parse("{\"$json\": 1}"))).isEqualTo("{\"$json\": {\"$json\": 1}}");
        assertThat(PythonJson.value(JsonlFile.parse("{\"$json\": 1, \"b\": [1.50, 2e3, null]}")))
                .isEqualTo("{\"$json\": 1, \"b\": [1.50, 2e+3, null]}");
        assertThat(PythonJson.jsonText(JsonlFile.parse("null"))).isEqualTo("null");
    }

    @Test
    void columnValuesMapAsPythonMateyMapsThem() throws Exception {
        List<String> keys = List.of("bytes", "date", "decimal", "int", "json", "null", "time", "ts", "tstz", "unsigned");
        Object[] values = {new byte[] {0, (byte) 0xAB, 0x10}, LocalDate.of(2024, 1, 2), new BigDecimal("12.50"), 7L,
                JsonlFile.parse("{\"a\": [1, 2.5]}"), null, LocalTime.of(3, 4), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000),
                OffsetDateTime.parse("2024-01-02T03:04:05Z"), new BigInteger("18446744073709551615")};
        // python3: json.dumps({"bytes": b.hex(), "date": date.isoformat(), "decimal": str(Decimal("12.50")), ...}, sort_keys=True)
        assertThat(PythonJson.object(keys, values)).isEqualTo("{\"bytes\": \"00ab10\", \"date\": \"2024-01-02\", "
                + "\"decimal\": \"12.50\", \"int\": 7, \"json\": {\"a\": [1, 2.5]}, \"null\": null, \"time\": \"03:04:00\", "
                + "\"ts\": \"2024-01-02T03:04:05.500000\", \"tstz\": \"2024-01-02T03:04:05+00:00\", "
                + "\"unsigned\": 18446744073709551615}");
    }

    @Test
    void isoFormsReadBack() throws Exception {
        assertThat(IsoTimes.parseDateTime("2024-01-02 03:04:05.5")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000));
        assertThat(IsoTimes.parseDateTime("2024-01-02T03:04:05+02")).isEqualTo(OffsetDateTime.parse("2024-01-02T03:04:05+02:00"));
        assertThat(IsoTimes.parseDateTime("2024-01-02T03:04Z")).isEqualTo(OffsetDateTime.parse("2024-01-02T03:04:00Z"));
        assertThat(IsoTimes.text(OffsetDateTime.parse("2024-01-02T03:04:05-05:30"))).isEqualTo("2024-01-02T03:04:05-05:30");
        assertThat(IsoTimes.text(LocalTime.of(23, 59, 59, 123_456_000))).isEqualTo("23:59:59.123456");
    }

    @Test
    void datesAreWrittenAsIsoformat() {
        for (LocalDate date : List.of(LocalDate.of(2024, 1, 2), LocalDate.of(0, 12, 31), LocalDate.of(999, 10, 9),
                LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(-1, 1, 1))) {
            assertThat(IsoTimes.text(date)).isEqualTo(date.toString());
        }
        assertThat(IsoTimes.text(LocalDate.of(7, 3, 4))).isEqualTo("0007-03-04");
    }

    @Test
    void datesReadBackStrictly() {
        assertThat(IsoTimes.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(IsoTimes.parseDate("0000-12-31")).isEqualTo(LocalDate.of(0, 12, 31));
        assertThat(IsoTimes.parseDate("+12024-01-02")).isEqualTo(LocalDate.of(12024, 1, 2));
        for (String invalid : List.of("2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01",
                "2024/01/01", "2024-01-0x", "２０２４-01-01", "2024-01-01T00:00")) {
            assertThatThrownBy(() -> IsoTimes.parseDate(invalid)).as(invalid).isInstanceOf(DateTimeParseException.class);
        }
    }
}
