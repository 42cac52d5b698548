package io.matey.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a journal transaction: what it writes and deletes, as target-relative paths. Read and
 * written with Jackson's streaming API (see {@link PythonJsonLayout}).
 */
record JournalManifest(long createdNs, List<String> writes, List<String> deletes) {

    static final int VERSION = 1;

    JournalManifest {
        writes = List.copyOf(writes);
        deletes = List.copyOf(deletes);
    }

    /** Keys sorted, laid out like Python's {@code json.dumps(indent=2, sort_keys=True)}, so either tool can read the other's. */
    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = PythonJsonLayout.generator(out)) {
            json.writeStartObject();
            json.writeNumberField("created_ns", createdNs);
            writePaths(json, "deletes", deletes);
            json.writeNumberField("version", VERSION);
            writePaths(json, "writes", writes);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writePaths(JsonGenerator json, String key, List<String> paths) throws IOException {
        json.writeArrayFieldStart(key);
        for (String path : paths) {
            json.writeString(path);
        }
        json.writeEndArray();
    }

    /** Parses and validates a manifest; the message of the exception says what is wrong. */
    static JournalManifest parse(byte[] json) throws IOException {
        Object root;
        try (JsonParser parser = PythonJsonLayout.factory().createParser(json)) {
            parser.nextToken();
            root = value(parser);
        }
        if (!(root instanceof Map<?, ?> fields)) {
            throw new IOException("manifest is not a JSON object");
        }
        Object version = fields.get("version");
        if (!isIntegral(version) || !BigInteger.valueOf(VERSION).equals(version)) {
            throw new IOException("unsupported manifest version " + render(version));
        }
        Object createdNs = fields.get("created_ns");
        if (!isIntegral(createdNs)) {
            throw new IOException("created_ns is not an integer");
        }
        return new JournalManifest(((BigInteger) createdNs).longValue(), paths(fields, "writes"),
                paths(fields, "deletes"));
    }

    private static List<String> paths(Map<?, ?> fields, String key) throws IOException {
        if (!(fields.get(key) instanceof List<?> array)) {
            throw new IOException(key + " is not an array");
        }
        List<String> paths = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof String path) || !RelativePath.isCanonical(path)) {
                throw new IOException(key + " holds an invalid path " + render(item));
            }
            paths.add(path);
        }
        return paths;
    }

    /** The value at the parser's current token: a map, list, string, BigInteger, Double, Boolean or null. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getBigIntegerValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isIntegral(Object value) {
        return value instanceof BigInteger;
    }

    /** A value as JSON text for messages: strings quoted, a missing value empty. */
    private static String render(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String text ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value.toString();
    }
}
