package io.matey.spring.boot.autoconfigure;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * A target's connection through a DataSource bean. A DataSource that cannot connect does not say where it points,
 * so the error names the target and the JDBC URL the pool was configured with (masked), which pools expose as a
 * {@code jdbcUrl} (Hikari) or {@code url} property.
 */
final class DataSourceConnection {

    private static final String[] URL_PROPERTIES = {"jdbcUrl", "url"};

    private DataSourceConnection() {
    }

    static LiveEndpoint of(TargetConfig target, DataSource dataSource) {
        try {
            return LiveEndpoint.of(dataSource, target.knownEngine());
        } catch (MateyException e) {
            if (e.reason() != Reason.DATABASE_UNAVAILABLE || !(e.getCause() instanceof SQLException failure)) {
                throw e;
            }
            throw new MateyException(Reason.DATABASE_UNAVAILABLE, "Cannot connect to the DataSource of Matey target '"
                    + target.name() + "' (" + url(dataSource) + "): " + target.knownEngine().maskedFailure(failure),
                    failure);
        }
    }

    private static String url(DataSource dataSource) {
        BeanWrapper pool = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
        for (String property : URL_PROPERTIES) {
            if (pool.isReadableProperty(property) && pool.getPropertyValue(property) instanceof String url) {
                return MateyUrl.mask(url);
            }
        }
        return "a " + dataSource.getClass().getSimpleName() + " that does not say its URL";
    }
}
