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
 * Makes Matey's drift status (default {@value MateyProperties#DRIFT}) count in the overall health, so that
 * {@code matey.on-drift=warn} keeps the application ready: Boot ignores statuses missing from
 * {@code management.endpoint.health.status.order}. It sets no HTTP mapping: a status Boot does not map answers
 * 200 already, and any {@code http-mapping} entry would replace Boot's whole default table, so DOWN would answer
 * 200 too. Added last, so any setting of the application's wins; nothing with {@code matey.enabled=false}.
 */
public class MateyHealthStatusDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "mateyHealthStatusDefaults";
    private static final List<String> BOOT_STATUSES = List.of("DOWN", "OUT_OF_SERVICE", "UP", "UNKNOWN");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String status = environment.getProperty("matey.health.drift-status", MateyProperties.DRIFT)
                .toUpperCase(Locale.ROOT);
        if (!environment.getProperty("matey.enabled", Boolean.class, true) || BOOT_STATUSES.contains(status)
                || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE," + status + ",UP,UNKNOWN")));
    }
}
