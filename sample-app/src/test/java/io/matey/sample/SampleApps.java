package io.matey.sample;

import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/** Starts the sample app as its main method would, on a free port, with extra properties. */
final class SampleApps {

    private SampleApps() {
    }

    /** {@code properties} as {@code key=value}, passed as command-line arguments so that they win. */
    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .run(Stream.concat(Stream.of("server.port=0"), Stream.of(properties)).map(p -> "--" + p)
                        .toArray(String[]::new));
    }

    /** {@code GET path} on a running app, as JSON. */
    static Map<String, Object> get(ConfigurableApplicationContext app, String path) {
        String root = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri(root));
        return http.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() { })
                .getBody();
    }
}
