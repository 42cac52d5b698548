package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The path health names for a target's details is the one the running application serves it at, with the actuator
 * moved ({@code management.endpoints.web.base-path}, the endpoint's path mapping) on the application's port, there
 * under a servlet context path and dispatcher servlet path too, and on a management port of its own
 * ({@code management.server.base-path}, where those two do not apply).
 */
class MateyEndpointWebPathTest {

    @TempDir
    Path dir;

    @Test
    void healthNamesThePathTheApplicationServes() throws Exception {
        SqliteApp sqlite = SqliteApp.in(dir);
        String[] moved = {"--management.endpoints.web.exposure.include=matey",
            "--management.endpoints.web.base-path=/manage", "--management.endpoints.web.path-mapping.matey=schema",
            "--management.server.base-path=/ops"};
        try (ConfigurableApplicationContext app = sqlite.start(moved)) {
            assertThat(details(app)).isEqualTo("/manage/schema/db/core");
            assertThat(get(app, "local.server.port", details(app))).contains("\"target\":\"db/core\"");
        }
        String[] servlet = {"--server.servlet.context-path=/shop", "--spring.mvc.servlet.path=/app"};
        try (ConfigurableApplicationContext app = sqlite.start(with(moved, servlet))) {
            assertThat(details(app)).isEqualTo("/shop/app/manage/schema/db/core");
            assertThat(get(app, "local.server.port", details(app))).contains("\"target\":\"db/core\"");
        }
        try (ConfigurableApplicationContext app = sqlite.start(with(with(moved, servlet), "--management.server.port=0"))) {
            assertThat(details(app)).isEqualTo("/ops/manage/schema/db/core");
            assertThat(get(app, "local.management.port", details(app))).contains("\"target\":\"db/core\"");
        }
    }

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
    }

    private static String details(ConfigurableApplicationContext app) {
        Map<?, ?> target = (Map<?, ?>) app.getBean(MateyHealthIndicator.class).health().getDetails().get("db/core");
        return (String) target.get("endpoint");
    }

    private static String get(ConfigurableApplicationContext app, String port, String path) throws Exception {
        String url = "http://127.0.0.1:" + app.getEnvironment().getProperty(port) + path;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
