package io.matey.ci;

import java.util.Map;

/**
 * The database service an engine needs in CI, as {@code init --ci} writes it (docs/architecture.md §3).
 *
 * @param name          the service's name and host alias ({@code postgres})
 * @param image         the container image ({@code postgres:16})
 * @param env           the container's environment, in the order written
 * @param port          the port published on the runner
 * @param healthCommand the command that tells the service is ready
 * @param testUrl       the test URL with {@code %s} for the host the job reaches the service by
 */
public record CiService(String name, String image, Map<String, String> env, int port, String healthCommand,
        String testUrl) {

    public CiService {
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }

    public String testUrl(String host) {
        return String.format(testUrl, host);
    }
}
