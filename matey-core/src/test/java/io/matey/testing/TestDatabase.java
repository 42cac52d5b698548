package io.matey.testing;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, uniquely named database on a real engine for one test, dropped on close.
 *
 * <p>Engines are the entries of {@link TestEngines}: a server engine's databases are created on the server its
 * variable names ({@code MATEY_TEST_POSTGRES_URL}, ...), or in a container where it is missing and a Docker engine
 * answers; without either the test is skipped with a visible reason, unless the engine is listed in
 * {@code MATEY_REQUIRE_ENGINES} (CI sets it): then the test fails. An embedded
 * engine's databases live in a temporary directory, removed with the last of them.
 */
public final class TestDatabase implements AutoCloseable {

    private final Engine engine;
    private final MateyUrl url;
    private final boolean server;

    private TestDatabase(Engine engine, MateyUrl url, boolean server) {
        this.engine = engine;
        this.url = url;
        this.server = server;
    }

    /** Creates a fresh empty database on the {@link TestEngines} entry {@code name}. */
    public static TestDatabase create(String name) throws SQLException {
        TestDatabase db = unborn(name);
        db.engine.createDatabase(db.url);
        return db;
    }

    /** Names a fresh database on the entry {@code name} without creating it (for "database missing" tests). */
    public static TestDatabase unborn(String name) {
        TestEngines.TestEngine entry = TestEngines.named(name);
        Engine engine = Engines.byId(entry.engineId());
        String database = "matey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new TestDatabase(engine, engine.siblingUrl(entry.base(), database), entry.server());
    }

    /** The scratch base URL (a server, or a temporary directory) of the entry {@code name}, for {@code --test-url}. */
    public static MateyUrl serverBase(String name) {
        return TestEngines.named(name).base();
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

    /** Whether {@code table} has {@code column}: whether a query reading it runs, on any engine. */
    public boolean hasColumn(String table, String column) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT " + column + " FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The first column of each row {@code query} returns, as text. */
    public List<String> firstColumn(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** The first column of the first row {@code query} returns on {@code connection}, as text. */
    public static String firstValue(Connection connection, String query) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        engine.dropDatabase(url);
        if (!server) {
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
