package io.matey.spring.boot.autoconfigure;

import io.matey.engine.JdbcUrls;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;
import javax.sql.DataSource;

/**
 * Where the primary target connects unless its {@code matey.targets} settings say otherwise: the
 * {@code @MateyDataSource} bean, else {@link MateyConnectionDetails} (a Docker Compose service's, say), else the
 * application's DataSource, as Flyway chooses its own. None of them: the target's {@code url_env}.
 */
final class PrimaryConnection {

    private final DataSource dataSource;
    private final MateyConnectionDetails details;

    private PrimaryConnection(DataSource dataSource, MateyConnectionDetails details) {
        this.dataSource = dataSource;
        this.details = details;
    }

    /** Each argument may be null. */
    static PrimaryConnection of(DataSource mateyDataSource, MateyConnectionDetails details, DataSource dataSource) {
        if (mateyDataSource != null) {
            return new PrimaryConnection(mateyDataSource, null);
        }
        return details != null ? new PrimaryConnection(null, details) : new PrimaryConnection(dataSource, null);
    }

    /** Whether the application has a connection of its own, which the primary target would use. */
    boolean offered() {
        return dataSource != null || details != null;
    }

    /** The endpoint of the target, or null when the application offers none. */
    LiveEndpoint endpoint(TargetConfig target) {
        if (dataSource != null) {
            return DataSourceConnection.of(target, dataSource);
        }
        if (details == null) {
            return null;
        }
        MateyUrl url = JdbcUrls.toMateyUrl(details.getJdbcUrl(), details.getUsername(), details.getPassword())
                .orElseThrow(() -> new MateyException("The MateyConnectionDetails JDBC URL "
                        + MateyUrl.mask(details.getJdbcUrl()) + " names no database Matey can reach (PostgreSQL, "
                        + "MySQL/MariaDB or an SQLite file)."));
        return LiveEndpoint.of(url);
    }
}
