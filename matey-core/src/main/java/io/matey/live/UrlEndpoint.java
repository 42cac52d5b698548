package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** A live database named by a Matey URL: the engine connects, and creates the database for {@code db up}. */
record UrlEndpoint(MateyUrl url, Engine engine) implements LiveEndpoint {

    static UrlEndpoint of(MateyUrl url) {
        return new UrlEndpoint(url, Engines.forUrl(url));
    }

    @Override
    public String kind() {
        return "URL";
    }

    @Override
    public boolean exists() throws SQLException {
        return engine.databaseExists(url);
    }

    @Override
    public boolean create() throws SQLException {
        return engine.createDatabaseIfMissing(url);
    }

    @Override
    public void drop() throws SQLException {
        engine.dropDatabase(url);
    }

    @Override
    public Connection connect() throws SQLException {
        return engine.connect(url);
    }

    @Override
    public Optional<Connection> connectIfExists() throws SQLException {
        return engine.connectIfExists(url);
    }

    /** The URL with its password masked. */
    @Override
    public String toString() {
        return url.toString();
    }
}
