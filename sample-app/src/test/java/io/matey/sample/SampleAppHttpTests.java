package io.matey.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/** What the sample app shows over HTTP once Matey migrated its database at start-up, whatever the engine. */
abstract class SampleAppHttpTests {

    @Autowired
    TestRestTemplate http;

    abstract String target();

    @Test
    void actuatorMateyShowsTheDatabaseAtHeadAndClean() {
        Map<String, Object> body = get("/actuator/matey");
        List<Map<String, Object>> targets = cast(body.get("targets"));
        assertThat(targets).hasSize(1);
        Map<String, Object> target = targets.get(0);
        assertThat(target).containsEntry("target", target()).containsEntry("head", 3).containsEntry("applied", 3)
                .containsEntry("pending", List.of()).containsEntry("artifacts", "clean")
                .containsEntry("drift", "clean").containsKey("checkedAt").doesNotContainKey("diff");
        assertThat((String) target.get("connection")).startsWith("jdbc:");

        Map<String, Object> one = get("/actuator/matey/" + target());
        assertThat(one).containsEntry("target", target()).containsEntry("drift", "clean");
        assertThat(http.getForEntity("/actuator/matey/nowhere", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.postForEntity("/actuator/matey/" + target(), null, String.class).getStatusCode())
                .as("no write operation unless enabled").isIn(HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.NOT_FOUND);
    }

    @Test
    void healthShowsMateyUp() {
        Map<String, Object> components = cast(get("/actuator/health").get("components"));
        Map<String, Object> matey = cast(components.get("matey"));
        assertThat(matey).containsEntry("status", "UP");
        assertThat((Map<String, Object>) cast(matey.get("details"))).containsKey(target());
    }

    @Test
    void theRepositoryWorksOnTheMigratedTables() {
        Map<String, Object> created = http.exchange("/notes", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("title", "t1", "body", "b", "tags", List.of("x", "y"))),
                new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
        assertThat(created).containsEntry("title", "t1").containsKey("id");
        List<Map<String, Object>> tagged = http.exchange("/notes?tag=y", org.springframework.http.HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(tagged).extracting(n -> n.get("title")).contains("t1");
    }

    Map<String, Object> get(String path) {
        return http.exchange(path, org.springframework.http.HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }
}
