package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration metadata IDEs read: every property with its default, hints, and the nested target keys. */
class MateyConfigurationMetadataTest {

    @Test
    void propertiesHintsAndNestedTargetKeysAreDescribed() throws Exception {
        JsonNode metadata = mateyMetadata();
        List<String> names = new ArrayList<>();
        metadata.get("properties").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).contains("matey.lock-timeout", "matey.check-timeout", "matey.adopt-on-startup",
                "matey.health.recheck-interval", "matey.health.drift-status", "matey.targets.*.url",
                "matey.targets.*.data-source", "matey.targets.*.url-env", "matey.targets.*.enabled",
                "management.endpoint.matey.access");
        assertThat(property(metadata, "matey.lock-timeout").get("type").asText()).isEqualTo("java.time.Duration");
        assertThat(property(metadata, "matey.lock-timeout").get("description").asText())
                .contains("a bare number is seconds");
        assertThat(property(metadata, "matey.health.pending-status").get("defaultValue").asText()).isEqualTo("UP");
        assertThat(property(metadata, "matey.health.drift-status").get("defaultValue").asText()).isEqualTo("DRIFT");
        assertThat(property(metadata, "matey.health.drift-status").get("description").asText()).contains("DRIFT");
        assertThat(property(metadata, "matey.endpoint.write-enabled").at("/deprecation/replacement").asText())
                .isEqualTo("management.endpoint.matey.access");

        assertThat(hintValues(metadata, "matey.on-drift")).containsExactly("fail", "warn");
        assertThat(hintValues(metadata, "matey.on-ahead")).containsExactly("warn", "fail");
        assertThat(property(metadata, "matey.on-ahead").get("description").asText()).contains("newer release");
        assertThat(hintValues(metadata, "matey.health.pending-status")).contains("UP", "OUT_OF_SERVICE");
        assertThat(hintValues(metadata, "matey.health.drift-status")).contains("DRIFT");
    }

    private static JsonNode mateyMetadata() throws Exception {
        for (URL url : Collections.list(MateyConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode node = new ObjectMapper().readTree(in);
                if (node.get("groups").toString().contains("\"matey\"")) {
                    return node;
                }
            }
        }
        throw new AssertionError("no configuration metadata of Matey on the classpath");
    }

    private static JsonNode property(JsonNode metadata, String name) {
        for (JsonNode property : metadata.get("properties")) {
            if (property.get("name").asText().equals(name)) {
                return property;
            }
        }
        throw new AssertionError(name + " is not described");
    }

    private static List<String> hintValues(JsonNode metadata, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode hint : metadata.get("hints")) {
            if (hint.get("name").asText().equals(name)) {
                hint.get("values").forEach(v -> values.add(v.get("value").asText()));
            }
        }
        return values;
    }
}
