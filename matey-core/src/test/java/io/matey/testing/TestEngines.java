package io.matey.testing;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.bigquery.SharedBigQueryDouble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The engines the suite runs on, declared once (docs/architecture.md §10). Tests name an entry ({@code sqlite},
 * {@code postgres}, ...) or ask {@link EngineMatrix} for every entry; {@link TestDatabase} reaches each server
 * through the entry's variable or, where it is missing and a Docker engine answers, a container of the entry's image
 * ({@link EngineContainers}). A new engine registers here with one line, and its contract test extends
 * {@code io.matey.engine.EngineContract}.
 */
public final class TestEngines {

    /**
     * One entry of the matrix.
     *
     * @param name what tests and {@code MATEY_REQUIRE_ENGINES} call it
     * @param engineId the {@code io.matey.engine.Engine} id that serves it ({@code engine =} in config.toml)
     * @param serverVariable the variable holding the Matey URL of a server where databases may be created; null
     *     for an embedded engine, whose databases live in a temporary directory
     * @param sharedSql whether the engine runs the SQL the engine-generic tests write (tables with primary and
     *     foreign keys, {@code INSERT ... VALUES}, {@link TestWorkspace#createTable}); an engine of another kind
     *     runs the contract suite with its own fixtures only
     * @param variant whether the entry is a second server of an engine already in the matrix (another version):
     *     it runs the contract suite and version tests, not every engine-generic test again
     * @param image the Docker image of the server started where the variable is missing and a Docker engine answers;
     *     null for an embedded engine
     * @param inProcess where the variable is missing, the scratch base on an in-process test double of the service
     *     (BigQuery, which cannot run here), used instead of a container; null for engines tested on real servers
     */
    public record TestEngine(String name, String engineId, String serverVariable, boolean sharedSql, boolean variant,
            String image, Supplier<MateyUrl> inProcess) {

        public boolean server() {
            return serverVariable != null;
        }

        /** Whether the engine rolls a failed migration's DDL back, as its SPI declares. */
        public boolean transactionalDdl() {
            return Engines.byId(engineId).transactionalDdl();
        }

        /**
         * Where scratch and test databases are created (a new temporary directory for an embedded engine): the server
         * the variable names, else the entry's container where a Docker engine answers; skips or fails the test when
         * there is neither.
         */
        public MateyUrl base() {
            if (!server()) {
                try {
                    return baseIn(Files.createTempDirectory("matey-test-"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            String value = System.getenv(serverVariable);
            if (inProcess != null && (value == null || value.isBlank())) {
                return inProcess.get();
            }
            return switch (ServerSource.choose(value, DockerProbe::answers)) {
                case VARIABLE -> MateyUrl.parse(value);
                case CONTAINER -> EngineContainers.urlOf(this);
                case ABSENT -> TestEngines.absent(name, serverVariable + " is not set and no Docker engine answers:"
                        + " no " + name + " server to test against");
            };
        }

        /** {@link #base()}, but an embedded engine's databases go to {@code directory} (a test's own folder). */
        public MateyUrl baseIn(Path directory) {
            return server() ? base() : MateyUrl.parse(engineId + ":" + directory.toAbsolutePath());
        }
    }

    private static final List<TestEngine> MATRIX = List.of(
            new TestEngine("sqlite", "sqlite", null, true, false, null, null),
            new TestEngine("postgres", "postgres", "MATEY_TEST_POSTGRES_URL", true, false, "postgres:16", null),
            new TestEngine("mysql", "mysql", "MATEY_TEST_MYSQL_URL", true, false, "mariadb:11.4", null),
            new TestEngine("mysql-other", "mysql", "MATEY_TEST_MYSQL_OTHER_URL", true, true, "mariadb:10.11", null),
            new TestEngine("clickhouse", "clickhouse", "MATEY_TEST_CLICKHOUSE_URL", false, false,
                    "clickhouse/clickhouse-server:25.8", null),
            new TestEngine("bigquery", "bigquery", "MATEY_TEST_BIGQUERY_URL", false, false, null,
                    () -> SharedBigQueryDouble.base(false)),
            new TestEngine("bigquery-emulator", "bigquery-emulator", "MATEY_TEST_BIGQUERY_EMULATOR_URL", false, false,
                    null, () -> SharedBigQueryDouble.base(true)));

    private TestEngines() {
    }

    public static List<TestEngine> all() {
        return MATRIX;
    }

    /** The entry called {@code name}; an unknown name is a mistake in the test. */
    public static TestEngine named(String name) {
        return MATRIX.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No test engine '" + name + "' in TestEngines; "
                        + "known: " + MATRIX.stream().map(TestEngine::name).toList()));
    }

    /** The entries an {@link EngineMatrix} selects. */
    static Stream<TestEngine> select(EngineMatrix matrix) {
        return MATRIX.stream()
                .filter(e -> e.sharedSql())
                .filter(e -> matrix.variants() || !e.variant())
                .filter(e -> !matrix.servers() || e.server())
                .filter(e -> !matrix.transactionalDdl() || e.transactionalDdl());
    }

    /**
     * An engine the test needs is not configured: the test is skipped with the reason, or fails when
     * {@code MATEY_REQUIRE_ENGINES} (CI sets it) lists the engine. Never returns; typed to stand where a value is due.
     */
    static <T> T absent(String name, String reason) {
        String list = System.getenv("MATEY_REQUIRE_ENGINES");
        if (list != null && Stream.of(list.split(",")).map(String::strip).anyMatch(name::equals)) {
            return Assertions.fail(reason + ", but MATEY_REQUIRE_ENGINES requires " + name + ".");
        }
        return Assumptions.abort(reason + " (set it, or run .ci/run).");
    }
}
