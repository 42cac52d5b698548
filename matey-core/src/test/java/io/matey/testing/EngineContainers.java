package io.matey.testing;

import io.matey.engine.MateyUrl;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Test servers in Docker containers, for machines where a Docker engine answers and an entry's variable is missing
 * (docs/architecture.md §10): one container per entry per JVM, started when a test first needs it, shared by the
 * tests after it, and removed by Testcontainers' reaper (Ryuk) when the JVM exits. Written for such machines; the
 * machines the project is built on have no Docker, so this class has not run there.
 */
final class EngineContainers {

    private static final String PASSWORD = "matey-test";
    /** Startup only; pulling an image is not counted against it. */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private static final Map<String, MateyUrl> STARTED = new HashMap<>();

    private EngineContainers() {
    }

    static boolean dockerAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** The Matey URL of the entry's container, started on first use. */
    static synchronized MateyUrl urlOf(TestEngines.TestEngine entry) {
        MateyUrl url = STARTED.get(entry.name());
        if (url == null) {
            url = start(entry);
            STARTED.put(entry.name(), url);
        }
        return url;
    }

    private static MateyUrl start(TestEngines.TestEngine entry) {
        return switch (entry.engineId()) {
            case "postgres" -> postgres(entry.image());
            case "mysql" -> mariadb(entry.image());
            case "clickhouse" -> clickhouse(entry.image());
            default -> throw new IllegalStateException("EngineContainers has no recipe for engine '" + entry.engineId()
                    + "' (entry " + entry.name() + "): add one, or set " + entry.serverVariable() + ".");
        };
    }

    private static MateyUrl postgres(String image) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withEnv("POSTGRES_PASSWORD", PASSWORD)
                .withExposedPorts(5432)
                // the image's entrypoint runs a first server to initialise the cluster, then the real one: the second
                // "ready" line is the real server's
                .waitingFor(Wait.forLogMessage("(?s).*database system is ready to accept connections.*", 2)
                        .withStartupTimeout(STARTUP));
        container.start();
        return MateyUrl.parse("postgres://postgres:" + PASSWORD + "@" + address(container, 5432)
                + "/postgres?sslmode=disable");
    }

    private static MateyUrl mariadb(String image) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withEnv("MARIADB_ROOT_PASSWORD", PASSWORD)
                .withEnv("MARIADB_DATABASE", "test")
                .withExposedPorts(3306)
                // the entrypoint's initialising server does not listen on TCP (skip-networking): a listening port is
                // the real server's
                .waitingFor(Wait.forListeningPort().withStartupTimeout(STARTUP));
        container.start();
        return MateyUrl.parse("mysql://root:" + PASSWORD + "@" + address(container, 3306) + "/test");
    }

    private static MateyUrl clickhouse(String image) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withEnv("CLICKHOUSE_PASSWORD", PASSWORD)
                .withExposedPorts(8123)
                .waitingFor(Wait.forHttp("/ping").forPort(8123).forStatusCode(200).withStartupTimeout(STARTUP));
        container.start();
        return MateyUrl.parse("clickhouse://default:" + PASSWORD + "@" + address(container, 8123) + "/default");
    }

    private static String address(GenericContainer<?> container, int port) {
        return container.getHost() + ":" + container.getMappedPort(port);
    }
}
