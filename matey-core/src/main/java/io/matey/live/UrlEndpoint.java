package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerProfile;
import io.matey.engine.UrlOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A live database named by a Matey URL: the engine connects, and creates the database for {@code db up}.
 *
 * @param given whether the user gave the URL as {@code --url} (not by the environment or configuration), so that
 *              the commands messages name give it again
 */
record UrlEndpoint(MateyUrl url, Engine engine, boolean given) implements LiveEndpoint {

    UrlEndpoint(MateyUrl url, Engine engine) {
        this(url, engine, false);
    }

    static UrlEndpoint of(MateyUrl url, boolean given) {
        return new UrlEndpoint(url, Engines.forUrl(url), given);
    }

    @Override
    public String urlOption() {
        return given ? UrlOption.of(url) : "";
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
    public boolean create(Optional<ServerProfile> defaults) throws SQLException {
        return defaults.isPresent() ? engine.createDatabaseIfMissing(url, defaults.get())
                : engine.createDatabaseIfMissing(url);
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
