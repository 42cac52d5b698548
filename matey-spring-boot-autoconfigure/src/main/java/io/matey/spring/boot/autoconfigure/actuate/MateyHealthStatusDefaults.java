package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Matey's drift status (default {@value MateyProperties#DRIFT}) count in the overall health and answer
 * HTTP 200, so that {@code matey.on-drift=warn} keeps the application ready: Boot ignores statuses missing from
 * {@code management.endpoint.health.status.order}. Added last, so any setting of the application's wins.
 */
public class MateyHealthStatusDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "mateyHealthStatusDefaults";
    private static final List<String> BOOT_STATUSES = List.of("DOWN", "OUT_OF_SERVICE", "UP", "UNKNOWN");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String status = environment.getProperty("matey.health.drift-status", MateyProperties.DRIFT)
                .toUpperCase(Locale.ROOT);
        if (BOOT_STATUSES.contains(status) || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE," + status + ",UP,UNKNOWN",
                "management.endpoint.health.status.http-mapping." + status.toLowerCase(Locale.ROOT), "200")));
    }
}
