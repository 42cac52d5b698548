package io.matey.spring.boot.autoconfigure;

import io.matey.engine.Engines;
import io.matey.engine.JdbcUrls;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where the primary target connects unless its {@code matey.targets} settings say otherwise: the
 * {@code @MateyDataSource} bean, else {@link MateyConnectionDetails} (a Docker Compose service's, say), else the
 * application's DataSource, as Flyway chooses its own. None of them: the target's {@code url_env}; several
 * DataSource beans without a {@code @Primary} one are no DataSource of the application's, and are named when the
 * target then has no database.
 */
final class PrimaryConnection {

    private final DataSource dataSource;
    private final MateyConnectionDetails details;
    private final boolean mateyDataSource;
    private final List<String> unchosen;

    private PrimaryConnection(DataSource dataSource, MateyConnectionDetails details, boolean mateyDataSource,
            List<String> unchosen) {
        this.dataSource = dataSource;
        this.details = details;
        this.mateyDataSource = mateyDataSource;
        this.unchosen = unchosen;
    }

    /**
     * Each connection may be null.
     *
     * @param dataSource      the application's unique or {@code @Primary} DataSource
     * @param dataSourceNames the names of all its DataSource beans
     */
    static PrimaryConnection of(DataSource mateyDataSource, MateyConnectionDetails details, DataSource dataSource,
            List<String> dataSourceNames) {
        if (mateyDataSource != null) {
            return new PrimaryConnection(mateyDataSource, null, true, List.of());
        }
        return details != null ? new PrimaryConnection(null, details, false, List.of())
                : new PrimaryConnection(dataSource, null, false,
                        dataSource == null && dataSourceNames.size() > 1 ? List.copyOf(dataSourceNames) : List.of());
    }

    /**
     * Why the application's DataSource does not serve the target when it has several and none is {@code @Primary},
     * and how to choose one; else null.
     */
    String unchosen(String target) {
        return unchosen.isEmpty() ? null : unchosen.size() + " DataSource beans (" + String.join(", ", unchosen)
                + ") and none is @Primary. Mark one @Primary (or the one Matey uses @MateyDataSource), or set "
                + "matey.targets.[" + target + "].data-source=<bean name>.";
    }

    /** Whether the application has a connection of its own, which the primary target would use. */
    boolean offered() {
        return dataSource != null || details != null;
    }

    /** The DataSource the primary target connects through, or null when it does not (connection details). */
    DataSource dataSource() {
        return dataSource;
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
