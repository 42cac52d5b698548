package io.matey.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.matey.error.InvalidUtf8;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a JSONL data file: UTF-8, one JSON object per line, blank lines skipped. Lines are streamed field by
 * field, without building an object per row, since files may hold hundreds of thousands of rows.
 */
final class JsonlFile {

    /**
     * Decimals stay exact (with their trailing zeros) until a column's type decides, Python's NaN and Infinity
     * read back, and a repeated key or trailing text on a line is an error rather than silently dropped.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final ObjectReader TREE = JSON.readerFor(JsonNode.class);
    /** For a value in the middle of a line, which the rest of the line follows. */
    private static final ObjectReader NESTED = TREE.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The same parser without duplicate detection, which costs about as much as the parsing itself. It reads lines
     * whose only object is the row (nested values are rare in data files), whose keys are then checked here; a line
     * it does not read cleanly (nested values, repeated keys, any error) is read again with duplicate detection,
     * which gives the verdict and the message.
     */
    private static final JsonMapper UNCHECKED = JSON.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A row of the file: the line it is on (1-based) and its keys and values in file order. */
    record Line(int number, List<String> names, List<JsonNode> values) {
    }

    private JsonlFile() {
    }

    /**
     * Reads {@code file}, listed in the manifest at {@code entry} (named when the file is missing). A byte-order
     * mark, which some editors write, is skipped; an invalid byte is named by its line.
     */
    static void read(Path file, String entry, Consumer<Line> each) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MateyException(entry + ": data file " + file + " does not exist. Create it, one JSON object per "
                    + "line (`matey data export` writes it from a database that holds the rows), or remove the entry.");
        } catch (IOException e) {
            throw new MateyException("Unable to read data file " + file + ": " + e.getMessage(), e);
        }
        InvalidUtf8 bad = InvalidUtf8.find(bytes);
        if (bad != null) {
            throw new MateyException(bad.message(file));
        }
        int bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom));
        // Lines are parsed in place in the decoded characters, without a string per line; a parser over a slice
        // counts columns from the slice's start, so its messages are those of the line alone.
        char[] chars = text.array();
        int end = text.arrayOffset() + text.limit();
        int number = 0;
        List<String> distinct = List.of();
        for (int start = text.arrayOffset(); start <= end; ) {
            int newline = start;
            while (newline < end && chars[newline] != '\n') {
                newline++;
            }
            number++;
            if (!blank(chars, start, newline)) {
                Line line = flat(number, chars, start, newline - start, distinct);
                if (line == null) {
                    line = line(file, number, chars, start, newline - start);
                } else {
                    distinct = line.names();
                }
                each.accept(line);
            }
            start = newline + 1;
        }
    }

    /** As {@link String#isBlank}: whitespace characters are all single UTF-16 units. */
    private static boolean blank(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A line holding one object of scalars and no repeated key, read without duplicate detection; null for any
     * other line. Keys equal to {@code distinct}, the last such line's, need no check: rows mostly repeat them.
     */
    private static Line flat(int number, char[] chars, int offset, int length, List<String> distinct) {
        List<String> names = new ArrayList<>(distinct.size());
        List<JsonNode> values = new ArrayList<>(distinct.size());
        try (JsonParser parser = UNCHECKED.createParser(chars, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                names.add(parser.currentName());
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    return null;
                }
                values.add(value(parser, token));
            }
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        // the last line's list when equal, which the reader's own comparison then finds at once (same instance)
        return names.equals(distinct) ? new Line(number, distinct, values)
                : new HashSet<>(names).size() == names.size() ? new Line(number, names, values) : null;
    }

    private static Line line(Path file, int number, char[] chars, int offset, int length) {
        List<String> names = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(chars, offset, length)) {
            boolean object = parser.nextToken() == JsonToken.START_OBJECT;
            if (object) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    names.add(parser.currentName());
                    values.add(value(parser, parser.nextToken()));
                }
            } else {
                parser.skipChildren();
            }
            // Text after the value (a second value, a stray bracket) is invalid, as Python's json.loads says.
            if (parser.nextToken() != null) {
                throw new MateyException(file + ":" + number + ": invalid JSON at column "
                        + parser.currentTokenLocation().getColumnNr() + ": text after the end of the row's object. "
                        + "Put each row on a line of its own.");
            }
            if (!object) {
                throw new MateyException(file + ":" + number + ": a data file line must be a JSON object.");
            }
        } catch (JsonProcessingException e) {
            throw new MateyException(file + ":" + number + ": " + JsonProblem.of(e));
        } catch (IOException e) {
            throw new IllegalStateException("reading characters in memory cannot fail", e);
        }
        return new Line(number, names, values);
    }

    /** Scalars become nodes directly; only nested objects and arrays go through the tree reader. */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> IntNode.valueOf(parser.getIntValue());
                case LONG -> LongNode.valueOf(parser.getLongValue());
                default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> parser.isNaN() ? DoubleNode.valueOf(parser.getDoubleValue())
                    : DecimalNode.valueOf(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NullNode.getInstance();
            default -> NESTED.readTree(parser);
        };
    }

    /** Parses JSON text, such as the value of a JSON column. */
    static JsonNode parse(String text) throws JsonProcessingException {
        return TREE.readTree(text);
    }
}
