package io.matey.spring.boot.autoconfigure;

import io.matey.engine.Engines;
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
    private final boolean mateyDataSource;

    private PrimaryConnection(DataSource dataSource, MateyConnectionDetails details, boolean mateyDataSource) {
        this.dataSource = dataSource;
        this.details = details;
        this.mateyDataSource = mateyDataSource;
    }

    /** Each argument may be null. */
    static PrimaryConnection of(DataSource mateyDataSource, MateyConnectionDetails details, DataSource dataSource) {
        if (mateyDataSource != null) {
            return new PrimaryConnection(mateyDataSource, null, true);
        }
        return details != null ? new PrimaryConnection(null, details, false)
                : new PrimaryConnection(dataSource, null, false);
    }

    /** Whether the application has a connection of its own, which the primary target would use. */
    boolean offered() {
        return dataSource != null || details != null;
    }

    /** Where {@link #endpoint} comes from, for messages that say what to correct. */
    String source() {
        if (details != null) {
            return "the MateyConnectionDetails bean (" + details.getClass().getName() + ")";
        }
        return mateyDataSource ? "the @MateyDataSource bean"
                : "the application's DataSource (spring.datasource.url, .username and .password)";
    }

    /** The endpoint of the target, or null when the application offers none. */
    LiveEndpoint endpoint(TargetConfig target) {
        if (dataSource != null) {
            return DataSourceConnection.of(target, dataSource, source());
        }
        if (details == null) {
            return null;
        }
        MateyUrl url = JdbcUrls.toMateyUrl(details.getJdbcUrl(), details.getUsername(), details.getPassword())
                .orElseThrow(() -> new MateyException("The MateyConnectionDetails JDBC URL "
                        + MateyUrl.mask(details.getJdbcUrl()) + " names no database Matey can reach: "
                        + Engines.available()));
        return LiveEndpoint.of(url);
    }
}
