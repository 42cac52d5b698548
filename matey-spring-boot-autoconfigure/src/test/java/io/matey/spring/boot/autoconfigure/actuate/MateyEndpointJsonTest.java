package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matey.MateyTools;
import io.matey.artifact.Diagnostic;
import io.matey.testing.TestWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The endpoint's JSON as a client reads it over HTTP: stale artifacts' {@code diagnostics} are the objects
 * {@code matey schema status --format json} prints ({@code code}, {@code path}, {@code detail}), not strings.
 */
class MateyEndpointJsonTest {

    @TempDir
    Path dir;

    @Test
    void staleDiagnosticsHaveTheLayoutOfTheClisJson() throws Exception {
        SqliteApp sqlite = SqliteApp.in(dir);
        TestWorkspace ws = sqlite.ws();
        ws.write("db/core/migrations/001_one.sql", ws.read("db/core/migrations/001_one.sql") + "-- edited\n");
        List<Map<String, String>> cli = new MateyTools(ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).diagnostics()
                .stream().map(MateyEndpointJsonTest::asCliJson).toList();
        assertThat(cli).isNotEmpty();
        try (ConfigurableApplicationContext app = sqlite.start("--matey.on-drift=warn",
                "--management.endpoints.web.exposure.include=matey")) {
            String root = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/actuator/matey";
            JsonNode one = get(root + "/db/core");
            JsonNode listed = get(root).path("targets").path(0);
            for (JsonNode report : List.of(one, listed)) {
                assertThat(report.path("artifacts").asText()).isEqualTo("stale");
                assertThat(new ObjectMapper().convertValue(report.path("diagnostics"), List.class)).isEqualTo(cli);
            }
        }
    }

    /** One diagnostic as the CLI's JSON writes it (SchemaCommands in matey-shell). */
    private static Map<String, String> asCliJson(Diagnostic diagnostic) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("code", diagnostic.code().id());
        json.put("path", diagnostic.path());
        json.put("detail", diagnostic.detail());
        return json;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
