package io.matey.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code manifest.json} of a journal transaction: what it writes and deletes, as target-relative paths. */
record JournalManifest(long createdNs, List<String> writes, List<String> deletes) {

    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Laid out like Python's {@code json.dumps(indent=2, sort_keys=True)}, so either tool can read the other's. */
    private static final ObjectWriter WRITER = PythonJsonLayout.WRITER;

    JournalManifest {
        writes = List.copyOf(writes);
        deletes = List.copyOf(deletes);
    }

    byte[] toJson() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("created_ns", createdNs);
        fields.put("deletes", deletes);
        fields.put("version", VERSION);
        fields.put("writes", writes);
        try {
            return WRITER.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and numbers always serialises", e);
        }
    }

    /** Parses and validates a manifest; the message of the exception says what is wrong. */
    static JournalManifest parse(byte[] json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (!root.isObject()) {
            throw new IOException("manifest is not a JSON object");
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").asInt() != VERSION) {
            throw new IOException("unsupported manifest version " + root.path("version"));
        }
        if (!root.path("created_ns").isIntegralNumber()) {
            throw new IOException("created_ns is not an integer");
        }
        return new JournalManifest(root.path("created_ns").asLong(), paths(root, "writes"), paths(root, "deletes"));
    }

    private static List<String> paths(JsonNode root, String key) throws IOException {
        JsonNode array = root.path(key);
        if (!array.isArray()) {
            throw new IOException(key + " is not an array");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || !RelativePath.isCanonical(item.asText())) {
                throw new IOException(key + " holds an invalid path " + item);
            }
            paths.add(item.asText());
        }
        return paths;
    }
}
