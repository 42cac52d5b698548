package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The drift status joins Boot's status order and nothing else: an HTTP mapping of it would replace Boot's whole
 * default table, so that DOWN and OUT_OF_SERVICE would answer 200.
 */
class MateyHealthStatusDefaultsTest {

    @Test
    void addsTheDriftStatusToTheOrderWithoutAnyHttpMapping() {
        StandardEnvironment environment = processed(Map.of());
        assertThat(environment.getProperty("management.endpoint.health.status.order"))
                .isEqualTo("DOWN,OUT_OF_SERVICE,DRIFT,UP,UNKNOWN");
        assertThat(propertyNames(environment))
                .noneMatch(name -> name.startsWith("management.endpoint.health.status.http-mapping"));
    }

    @Test
    void addsNothingWhenMateyIsDisabledOrTheStatusIsBootsOwn() {
        assertThat(processed(Map.of("matey.enabled", "false")).getPropertySources()
                .contains(MateyHealthStatusDefaults.SOURCE)).isFalse();
        assertThat(processed(Map.of("matey.health.drift-status", "DOWN")).getPropertySources()
                .contains(MateyHealthStatusDefaults.SOURCE)).isFalse();
    }

    private static StandardEnvironment processed(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new MateyHealthStatusDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static List<String> propertyNames(StandardEnvironment environment) {
        return environment.getPropertySources().stream().filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .toList();
    }
}
