package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;

/**
 * The JDBC connection details of a Docker Compose database service become {@link MateyConnectionDetails} the way
 * Boot's Docker Compose support asks for adapted details: through the factories registered in spring.factories.
 */
class MateyConnectionDetailsFactoryTest {

    @Test
    void jdbcConnectionDetailsAreAdaptedForMatey() {
        Map<String, String> values = Map.of("getJdbcUrl", "jdbc:postgresql://compose-db:5432/shop", "getUsername", "app",
                "getPassword", "s3cret", "getDriverClassName", "org.postgresql.Driver");
        Object jdbc = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BootLine.JDBC_CONNECTION_DETAILS},
                (proxy, method, args) -> values.get(method.getName()));

        Map<Class<?>, ConnectionDetails> adapted = new ConnectionDetailsFactories(getClass().getClassLoader())
                .getConnectionDetails(jdbc, false);

        assertThat(adapted).containsKey(MateyConnectionDetails.class);
        MateyConnectionDetails details = (MateyConnectionDetails) adapted.get(MateyConnectionDetails.class);
        assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://compose-db:5432/shop");
        assertThat(details.getUsername()).isEqualTo("app");
        assertThat(details.getPassword()).isEqualTo("s3cret");
        assertThat(PrimaryConnection.of(null, details, null, List.of()).toString()).doesNotContain("s3cret");
    }
}
