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
import io.matey.artifact.LargestInput;
import io.matey.error.InvalidUtf8;
import io.matey.error.MateyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
     * mark, which some editors write, is skipped; an invalid byte is named by its line. The file is streamed a line
     * at a time, so only its rows stay in memory, not its bytes and text as well (README "Performance").
     */
    static void read(Path file, String entry, Consumer<Line> each) {
        try (InputStream in = Files.newInputStream(file)) {
            LargestInput.dataFile(file.toString(), Files.size(file));
            new LineDecoder(file).lines(in, each);
        } catch (NoSuchFileException e) {
            throw new MateyException(entry + ": data file " + file + " does not exist. Create it, one JSON object per "
                    + "line (`matey data export` writes it from a database that holds the rows), or remove the entry.");
        } catch (IOException e) {
            throw new MateyException("Unable to read data file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Splits the bytes at '\n' (which no multi-byte UTF-8 sequence contains, so a line decodes on its own) and
     * decodes each line strictly into a reused buffer; lines are parsed in place there, without a string per line.
     */
    private static final class LineDecoder {

        private final Path file;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] bytes = new byte[8192];
        private char[] chars = new char[8192];
        private long lineOffset;
        private int number;
        private List<String> distinct = List.of();

        LineDecoder(Path file) {
            this.file = file;
        }

        void lines(InputStream in, Consumer<Line> each) throws IOException {
            byte[] chunk = new byte[1 << 16];
            int length = 0;
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        decode(length, each);
                        length = 0;
                    } else {
                        if (length == bytes.length) {
                            bytes = Arrays.copyOf(bytes, length * 2);
                        }
                        bytes[length++] = chunk[i];
                    }
                }
            }
            decode(length, each);
        }

        private void decode(int length, Consumer<Line> each) {
            number++;
            int bom = number == 1 && length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                    && bytes[2] == (byte) 0xBF ? 3 : 0;
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            ByteBuffer input = ByteBuffer.wrap(bytes, bom, length - bom);
            CharBuffer output = CharBuffer.wrap(chars);
            utf8.reset();
            if (utf8.decode(input, output, true).isError() || utf8.flush(output).isError()) {
                int bad = input.position();
                throw new MateyException(new InvalidUtf8(number, bytes[bad] & 0xFF, lineOffset + bad).message(file));
            }
            lineOffset += length + 1;
            int end = output.position();
            if (!blank(chars, 0, end)) {
                Line line = flat(number, chars, 0, end, distinct);
                if (line == null) {
                    line = JsonlFile.line(file, number, chars, 0, end);
                } else {
                    distinct = line.names();
                }
                each.accept(line);
            }
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
