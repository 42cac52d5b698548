package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.JdbcUrls;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerProfile;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.log.DebugLog;
import io.matey.log.Secrets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A live database reached through an application's {@link DataSource}. A DataSource hands out connections to a
 * database that exists and cannot create one, so {@code db up} through it behaves like {@code db migrate}.
 *
 * @param description the Matey URL of the database (from the JDBC URL and user the driver reports), without a
 *                    password (masked, {@code user:****@}, when it logs in with one) or the driver's own options;
 *                    the masked JDBC URL where it has no Matey URL
 */
record DataSourceEndpoint(DataSource dataSource, Engine engine, String description) implements LiveEndpoint {

    /** @param password whether the DataSource logs in with a password, which the description then shows masked */
    static DataSourceEndpoint detect(DataSource dataSource, Engine expected, boolean password) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String jdbcUrl = metaData.getURL();
            String description = JdbcUrls.describe(jdbcUrl, metaData.getUserName(), password ? Secrets.MASK : null)
                    .map(MateyUrl::toString)
                    .orElseGet(() -> MateyUrl.mask(jdbcUrl));
            return new DataSourceEndpoint(dataSource, engineOf(metaData.getDatabaseProductName(), description),
                    description);
        } catch (SQLException e) {
            throw new MateyException(Reason.DATABASE_UNAVAILABLE, "Cannot connect to the application's DataSource: "
                    + expected.maskedFailure(e), e);
        }
    }

    /** By product name rather than JDBC URL, so that wrapping drivers (p6spy, Testcontainers' jdbc:tc:) work too. */
    static Engine engineOf(String productName, String description) {
        return Engines.find(productName)
                .orElseThrow(() -> new MateyException(Reason.UNSUPPORTED, "The DataSource " + description + " is a " + productName
                        + " database, which Matey does not support. Supported engines: " + String.join(", ", Engines.ids())
                        + "."));
    }

    @Override
    public String kind() {
        return "DataSource";
    }

    /** The application's configuration gives the database again. */
    @Override
    public String urlOption() {
        return "";
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public boolean create(Optional<ServerProfile> defaults) {
        throw new MateyException(Reason.UNSUPPORTED, "Cannot create a database through the DataSource " + description + ".");
    }

    /** Never called: a DataSource endpoint creates no database. */
    @Override
    public void drop() {
        throw new MateyException(Reason.UNSUPPORTED, "Cannot drop a database through the DataSource " + description + ".");
    }

    @Override
    public Connection connect() throws SQLException {
        DebugLog.log(DataSourceEndpoint.class, () -> "connection from the DataSource " + description);
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        return description;
    }
}
