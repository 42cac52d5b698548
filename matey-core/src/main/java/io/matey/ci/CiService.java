package io.matey.ci;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database service an engine needs in CI, as {@code init --ci} writes it (docs/architecture.md §3).
 *
 * @param name          the service's name and host alias ({@code postgres})
 * @param image         the container image ({@code postgres:16})
 * @param env           the container's environment, in the order written
 * @param port          the port published on the runner
 * @param healthCommand the command that tells the service is ready: run in the container, or on the runner for a
 *                      service with arguments
 * @param testUrl       the test URL with {@code %s} for the host the job reaches the service by
 * @param arguments     the container's arguments; GitHub's service containers take none, so such a service is
 *                      started by a step there
 */
public record CiService(String name, String image, Map<String, String> env, int port, String healthCommand,
        String testUrl, List<String> arguments) {

    public CiService {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        arguments = List.copyOf(arguments);
    }

    public CiService(String name, String image, Map<String, String> env, int port, String healthCommand,
            String testUrl) {
        this(name, image, env, port, healthCommand, testUrl, List.of());
    }

    public String testUrl(String host) {
        return String.format(testUrl, host);
    }
}
