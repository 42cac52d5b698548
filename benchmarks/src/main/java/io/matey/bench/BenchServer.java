package io.matey.bench;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import java.sql.Connection;
import java.sql.SQLException;

/** The PostgreSQL server benchmarks run on ({@code MATEY_BENCH_POSTGRES_URL}), and its benchmark databases. */
public final class BenchServer {

    public static final String URL_ENV = "MATEY_BENCH_POSTGRES_URL";
    public static final String DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable";

    private final Engine engine = Engines.byId("postgres");
    private final MateyUrl base;

    public BenchServer(MateyUrl base) {
        this.base = base;
    }

    public static BenchServer fromEnv() {
        String url = System.getenv(URL_ENV);
        return new BenchServer(MateyUrl.parse(url == null || url.isBlank() ? DEFAULT_URL : url));
    }

    public Engine engine() {
        return engine;
    }

    public MateyUrl base() {
        return base;
    }

    public MateyUrl url(String database) {
        return base.withPath(database);
    }

    /** Drops and creates the database: an empty one, whatever an earlier run left. */
    public MateyUrl fresh(String database) throws SQLException {
        MateyUrl url = url(database);
        engine.dropDatabase(url);
        engine.createDatabase(url);
        return url;
    }

    public void drop(String database) throws SQLException {
        engine.dropDatabase(url(database));
    }

    public Connection connect(String database) throws SQLException {
        return engine.connect(url(database));
    }
}
