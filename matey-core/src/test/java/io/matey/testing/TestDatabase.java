package io.matey.testing;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, uniquely named database on a real engine for one test, dropped on close.
 *
 * <p>Server engines come from {@code MATEY_TEST_POSTGRES_URL} / {@code MATEY_TEST_MYSQL_URL} (Matey URLs of a
 * server where databases may be created). Without one the test is skipped with a visible reason, unless the
 * engine is listed in {@code MATEY_REQUIRE_ENGINES} (CI sets it): then the test fails.
 */
public final class TestDatabase implements AutoCloseable {

    private final Engine engine;
    private final MateyUrl url;

    private TestDatabase(Engine engine, MateyUrl url) {
        this.engine = engine;
        this.url = url;
    }

    /** Creates a fresh empty database. */
    public static TestDatabase create(String engineId) throws SQLException {
        TestDatabase db = unborn(engineId);
        db.engine.createDatabase(db.url);
        return db;
    }

    /**
     * Creates a fresh empty database on the server {@code MATEY_TEST_<SERVER>_URL} names, such as
     * {@code mysql-other} (a second MySQL/MariaDB server of another version); skipped or failed like an engine.
     */
    public static TestDatabase createOn(String server) throws SQLException {
        MateyUrl base = serverBase(server);
        TestDatabase db = fresh(Engines.forUrl(base), base);
        db.engine.createDatabase(db.url);
        return db;
    }

    /** Names a fresh database without creating it (for tests of "database missing" behaviour). */
    public static TestDatabase unborn(String engineId) {
        return fresh(Engines.byId(engineId), serverBase(engineId));
    }

    private static TestDatabase fresh(Engine engine, MateyUrl base) {
        String name = "matey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new TestDatabase(engine, engine.siblingUrl(base, name));
    }

    /** The scratch base URL (a server, or a temporary directory for SQLite) for {@code --test-url}. */
    public static MateyUrl serverBase(String engineId) {
        if (engineId.equals("sqlite")) {
            try {
                return MateyUrl.parse("sqlite3:" + Files.createTempDirectory("matey-test-"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String variable = "MATEY_TEST_" + engineId.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            String reason = variable + " is not set: no " + engineId + " server to test against";
            if (required(engineId)) {
                Assertions.fail(reason + ", but MATEY_REQUIRE_ENGINES requires " + engineId + ".");
            }
            Assumptions.abort(reason + " (set it, or run .ci/run).");
        }
        return MateyUrl.parse(value);
    }

    private static boolean required(String engineId) {
        String list = System.getenv("MATEY_REQUIRE_ENGINES");
        return list != null && Arrays.stream(list.split(",")).map(String::strip).anyMatch(engineId::equals);
    }

    public Engine engine() {
        return engine;
    }

    public MateyUrl url() {
        return url;
    }

    /** The URL with a {@code search_path} parameter (PostgreSQL), as dbmate users write it. */
    public MateyUrl urlWithSearchPath(String searchPath) {
        return MateyUrl.parse(url.raw() + (url.raw().contains("?") ? "&" : "?") + "search_path=" + searchPath);
    }

    public Connection connect() throws SQLException {
        return engine.connect(url);
    }

    /** Runs SQL (several statements allowed) directly, as an out-of-band change would. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect()) {
            engine.load(c, sql);
        }
    }

    @Override
    public void close() throws SQLException {
        engine.dropDatabase(url);
        if (engine.id().equals("sqlite")) {
            Path dir = Path.of(url.path()).getParent();
            try (var files = Files.list(dir)) {
                if (files.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            } catch (java.io.IOException ignored) {
                // a leftover empty temporary directory is harmless
            }
        }
    }
}
