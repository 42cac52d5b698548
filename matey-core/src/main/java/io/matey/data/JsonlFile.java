package io.matey.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.matey.MateyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSONL data file: UTF-8, one JSON object per line, blank lines skipped. */
final class JsonlFile {

    /**
     * Decimals stay exact (with their trailing zeros) until a column's type decides, Python's NaN and Infinity
     * read back, and a repeated key or trailing text on a line is an error rather than silently dropped.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** A row of the file and the line it is on (1-based). */
    record Line(int number, ObjectNode object) {
    }

    private JsonlFile() {
    }

    static List<Line> read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new MateyException("Data file not found: " + file);
        } catch (CharacterCodingException e) {
            throw new MateyException("Unable to decode data file " + file + " as UTF-8.");
        } catch (IOException e) {
            throw new MateyException("Unable to read data file " + file + ": " + e.getMessage(), e);
        }
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = parse(line);
            } catch (JsonProcessingException e) {
                throw new MateyException("Invalid JSON in " + file + ":" + number + ": " + e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode object)) {
                throw new MateyException("Data file " + file + ":" + number + " must contain JSON objects only.");
            }
            lines.add(new Line(number, object));
        }
        return lines;
    }

    /** Parses JSON text: a line of a file, or the value of a JSON column. */
    static JsonNode parse(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }
}
