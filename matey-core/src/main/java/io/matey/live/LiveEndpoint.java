package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where a live database is reached: a Matey URL ({@code --url} or {@code $url_env}), or an application's
 * {@link DataSource} (the Spring Boot starter's usual case). {@link #toString()} describes it with any password
 * masked, so an endpoint can go into every message and report.
 */
public interface LiveEndpoint {

    /** A URL the environment or configuration gives: the commands messages name leave {@code --url} out. */
    static LiveEndpoint of(MateyUrl url) {
        return UrlEndpoint.of(url, false);
    }

    /** A URL the user gave as {@code --url}: the commands messages name give it again ({@link #urlOption()}). */
    static LiveEndpoint given(MateyUrl url) {
        return UrlEndpoint.of(url, true);
    }

    /**
     * A URL that {@code engine}, an instance of the URL's engine other than the registered one, connects to: a
     * BigQuery engine with the client an application configured (the Spring Boot starter's BigQuery bean).
     */
    static LiveEndpoint of(MateyUrl url, Engine engine) {
        return new UrlEndpoint(url, engine);
    }

    /**
     * Connects once to detect the engine from the database's product name. A failure to connect reads in the words
     * of {@code expected}, the engine the target names: no engine can be detected without a connection.
     */
    static LiveEndpoint of(DataSource dataSource, Engine expected) {
        return DataSourceEndpoint.detect(dataSource, expected, false);
    }

    /**
     * {@link #of(DataSource, Engine)} for a DataSource that logs in with a password, which its connection does not
     * reveal: the description shows it masked ({@code app:****@}), so that the commands messages suggest say where
     * it goes ({@link io.matey.engine.UrlOption}).
     */
    static LiveEndpoint withPassword(DataSource dataSource, Engine expected) {
        return DataSourceEndpoint.detect(dataSource, expected, true);
    }

    /** The engine that connects; live commands check its {@code id()} against the target's. */
    Engine engine();

    /**
     * How a command a message names gives this database again: {@code --url} with a leading space when the user
     * gave it so ({@link io.matey.engine.UrlOption}), else nothing, as the same environment gives it again.
     */
    String urlOption();

    /** {@code URL} or {@code DataSource}, for messages. */
    String kind();

    boolean exists() throws SQLException;

    /**
     * Creates the database; only called when {@link #exists()} said it is missing. False when it existed after
     * all: another process created it in between.
     *
     * @param defaults the replay's server profile the lock records, whose default character set and collation the
     *                 database gets where the engine has them ({@link Engine#createDatabaseIfMissing(MateyUrl,
     *                 ServerProfile)}); empty for the server's
     */
    boolean create(Optional<ServerProfile> defaults) throws SQLException;

    /** Drops the database; only called for one that {@link #create()} created (a failed {@code db bootstrap}). */
    void drop() throws SQLException;

    Connection connect() throws SQLException;

    /** A connection to the database, or empty when it does not exist. */
    default Optional<Connection> connectIfExists() throws SQLException {
        return exists() ? Optional.of(connect()) : Optional.empty();
    }
}
