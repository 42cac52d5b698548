package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.matey.error.MateyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading JSONL: one object per line, numbers kept exact, and every malformed line named by file and line. */
class JsonlFileTest {

    private static final String ENTRY = "data/data.toml:3: data set 'core', file 1";

    @TempDir
    Path dir;

    private List<JsonlFile.Line> read(String text) throws Exception {
        Path file = dir.resolve("rows.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<JsonlFile.Line> lines = new ArrayList<>();
        JsonlFile.read(file, ENTRY, lines::add);
        return lines;
    }

    @Test
    void readsObjectsSkippingBlankLinesAndKeepingNumbersExact() throws Exception {
        List<JsonlFile.Line> lines = read("{\"a\": 12.50, \"b\": 18446744073709551616, \"c\": NaN, \"d\": {\"x\": [1]}}\r\n"
                + "\n  \n{\"e\": \"\\u00e9\", \"f\": null, \"g\": false}\n");
        assertThat(lines).extracting(JsonlFile.Line::number).containsExactly(1, 4);
        assertThat(lines.get(0).names()).containsExactly("a", "b", "c", "d");
        List<JsonNode> values = lines.get(0).values();
        assertThat(values.get(0).decimalValue()).hasToString("12.50");
        assertThat(values.get(1).bigIntegerValue()).hasToString("18446744073709551616");
        assertThat(values.get(2).doubleValue()).isNaN();
        assertThat(values.get(3).toString()).isEqualTo("{\"x\":[1]}");
        assertThat(lines.get(1).values()).extracting(JsonNode::toString).containsExactly("\"é\"", "null", "false");
    }

    @Test
    void malformedLinesAreNamed() {
        Path file = dir.resolve("rows.jsonl");
        assertThatThrownBy(() -> read("{}\n{\"a\": 1,}\n")).isInstanceOf(MateyException.class)
                .hasMessage(file + ":2: invalid JSON at column 9: unexpected character '}': was expecting double-quote to start field name.");
        assertThatThrownBy(() -> read("{\"a\": 1, \"a\": 2}"))
                .hasMessage(file + ":1: invalid JSON at column 13: the key 'a' appears twice in the object.");
        assertThatThrownBy(() -> read("{\"a\": 1} {\"b\": 2}")).hasMessage(file + ":1: invalid JSON at column 10: text after the end of the row's object. "
                + "Put each row on a line of its own.");
        assertThatThrownBy(() -> read("{\"a\": [1, {}]}\n[1, 2]")).hasMessage(file + ":2: a data file line must be a JSON object.");
        assertThatThrownBy(() -> read("\"text\"")).hasMessage(file + ":1: a data file line must be a JSON object.");
        assertThatThrownBy(() -> JsonlFile.read(dir.resolve("missing.jsonl"), ENTRY, line -> { }))
                .hasMessage(ENTRY + ": data file " + dir.resolve("missing.jsonl") + " does not exist. Create it, one JSON "
                        + "object per line (`matey data export` writes it from a database that holds the rows), or remove "
                        + "the entry.");
    }

    @Test
    void repeatedKeysAreRefusedInRowsLikeTheirNeighboursAndInNestedValues() throws Exception {
        Path file = dir.resolve("rows.jsonl");
        assertThatThrownBy(() -> read("{\"a\": 1, \"b\": 2}\n{\"a\": 3, \"b\": 4}\n{\"a\": 5, \"a\": 6}"))
                .hasMessageStartingWith(file + ":3: invalid JSON at column 13: the key 'a' appears twice");
        assertThatThrownBy(() -> read("{\"a\": 1, \"a\": 2, }")).hasMessageStartingWith(file + ":1: invalid JSON at column 13: the key 'a' appears twice");
        assertThatThrownBy(() -> read("{\"a\": 1, \"b\": [{\"x\": 1, \"x\": 2}]}"))
                .hasMessageStartingWith(file + ":1: invalid JSON at column 28: the key 'x' appears twice");
        assertThat(read("{\"a\": 1, \"b\": 2}\n{\"b\": 3, \"a\": 4}\n{\"a\": {\"x\": 1}, \"b\": [{}]}"))
                .extracting(JsonlFile.Line::names).containsExactly(List.of("a", "b"), List.of("b", "a"), List.of("a", "b"));
    }

    @Test
    void rowsAfterAnOddLineAndErrorsAfterGoodRowsAreReadAsLinesAlone() throws Exception {
        Path file = dir.resolve("rows.jsonl");
        assertThat(read("{\"a\": 1}\n{\"a\": {\"n\": 2}}\n\u2028\n{\"a\": 3}  \r\n\u000b\n{\"a\": 4}"))
                .extracting(line -> line.number() + "=" + line.values()).containsExactly("1=[1]", "2=[{\"n\":2}]", "4=[3]", "6=[4]");
        assertThatThrownBy(() -> read("{\"a\": 1}\n{\"a\": 2} {\"a\": 3}"))
                .hasMessage(file + ":2: invalid JSON at column 10: text after the end of the row's object. "
                        + "Put each row on a line of its own.");
        assertThatThrownBy(() -> read("{\"a\": 1}\n{\"a\":\n 2}"))
                .hasMessage(file + ":2: invalid JSON: the line ends before its object does (a closing '}', ']' or '\"' is "
                        + "missing). Each row must be one JSON object on one line.");
    }

    /** Jackson's wording (its source, its own line and column counts, "start marker") stays out of the message. */
    @Test
    void anUnclosedObjectOrABadTokenIsNamedInPlainWords() {
        Path file = dir.resolve("rows.jsonl");
        assertThatThrownBy(() -> read("{\"id\": 1}\n{\"id\": 3,\n"))
                .hasMessage(file + ":2: invalid JSON: the line ends before its object does (a closing '}', ']' or '\"' "
                        + "is missing). Each row must be one JSON object on one line.");
        assertThatThrownBy(() -> read("{\"id\": 1}\n{\"id\": 3, \"on\": tru}\n"))
                .hasMessageStartingWith(file + ":2: invalid JSON at column 20: unrecognized token 'tru': was expecting")
                .hasMessageNotContaining("Source").hasMessageNotContaining("line: ");
        assertThatThrownBy(() -> read("{\"id\": [1, 2}\n"))
                .hasMessageStartingWith(file + ":1: invalid JSON at column 13: unexpected close marker '}': expected ']'.")
                .hasMessageNotContaining("Source").hasMessageNotContaining("line: ");
    }

    @Test
    void anInvalidByteIsNamedByItsLine() throws Exception {
        Path file = dir.resolve("rows.jsonl");
        Files.write(file, new byte[] {'{', '}', '\n', '{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
        assertThatThrownBy(() -> JsonlFile.read(file, ENTRY, line -> { }))
                .hasMessage(file + ":2: invalid UTF-8: byte 0xFF at byte offset 9 of the file. Save the file as UTF-8.");
    }

    /** Jackson's limit on a string (README, Data sets), named without its internals. */
    @Test
    void aStringOverTheLimitIsNamedWithItsLineAndTheLimit() throws Exception {
        Path file = dir.resolve("rows.jsonl");
        String big = "x".repeat(20_000_001);
        assertThatThrownBy(() -> read("{\"id\": 1}\n{\"id\": 2, \"doc\": \"" + big + "\"}\n"))
                .hasMessage(file + ":2: invalid JSON: a string longer than 20000000 characters, the "
                        + "most a data file string may hold. Keep such a value out of the data set (a migration "
                        + "or the application can write it).");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        assertThat(read("\uFEFF{\"a\": 1}\n{\"a\": 2}")).extracting(line -> line.number() + "=" + line.names())
                .containsExactly("1=[a]", "2=[a]");
    }
}
