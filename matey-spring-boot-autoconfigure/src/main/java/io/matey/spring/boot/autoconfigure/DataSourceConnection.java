package io.matey.spring.boot.autoconfigure;

import io.matey.engine.JdbcUrls;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * A target's connection through a DataSource bean, named with its password masked when the pool has one (its
 * connection does not say), so that suggested commands say where it goes. A DataSource that cannot connect does not say where it points,
 * so the error names the target and the database the pool was configured with, which pools expose as a
 * {@code jdbcUrl} (Hikari) or {@code url} property: by its Matey URL, as every report names a database.
 */
final class DataSourceConnection {

    private static final String[] URL_PROPERTIES = {"jdbcUrl", "url"};
    /** The user the pools named above (Hikari, Tomcat, DBCP) log in as, and with which password. */
    private static final String USER_PROPERTY = "username";
    private static final String PASSWORD_PROPERTY = "password";

    private DataSourceConnection() {
    }

    /** @param source where the application got the DataSource, which the failure analysis names */
    static LiveEndpoint of(TargetConfig target, DataSource dataSource, String source) {
        try {
            return text(PropertyAccessorFactory.forBeanPropertyAccess(dataSource), PASSWORD_PROPERTY) != null
                    ? LiveEndpoint.withPassword(dataSource, target.knownEngine())
                    : LiveEndpoint.of(dataSource, target.knownEngine());
        } catch (MateyException e) {
            if (e.reason() != Reason.DATABASE_UNAVAILABLE || !(e.getCause() instanceof SQLException failure)) {
                throw e;
            }
            String url = url(dataSource);
            String message = "Cannot connect to the DataSource of Matey target '" + target.name() + "' (" + url
                    + "): " + target.knownEngine().maskedFailure(failure);
            throw new MateyTargetFailedException(TargetReport.failed(target.name(), target.knownEngine().id(), url,
                    Reason.DATABASE_UNAVAILABLE, message, Instant.now()), source,
                    new MateyException(Reason.DATABASE_UNAVAILABLE, message, failure));
        }
    }

    /**
     * The database as messages name it: its Matey URL with the password, when the pool has one, masked (so the
     * commands a report suggests say where it goes, {@link WorkspaceCommands}), else the masked JDBC URL.
     */
    private static String url(DataSource dataSource) {
        BeanWrapper pool = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
        for (String property : URL_PROPERTIES) {
            if (pool.isReadableProperty(property) && pool.getPropertyValue(property) instanceof String url) {
                return JdbcUrls.describe(url, text(pool, USER_PROPERTY), text(pool, PASSWORD_PROPERTY))
                        .map(MateyUrl::toString).orElseGet(() -> MateyUrl.mask(url));
            }
        }
        return "a " + dataSource.getClass().getSimpleName() + " that does not say its URL";
    }

    private static String text(BeanWrapper pool, String property) {
        return pool.isReadableProperty(property) && pool.getPropertyValue(property) instanceof String value
                && !value.isEmpty() ? value : null;
    }
}
