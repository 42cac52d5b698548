package io.matey.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the primary target's database is reached, when not through the application's DataSource, as
 * {@code FlywayConnectionDetails} is for Flyway. A Docker Compose database service supplies one (adapted from its
 * JDBC connection details); so can an application's own bean. A {@code @MateyDataSource} bean and
 * {@code matey.targets.[path].*} settings take precedence.
 */
public interface MateyConnectionDetails extends ConnectionDetails {

    String getJdbcUrl();

    default String getUsername() {
        return null;
    }

    default String getPassword() {
        return null;
    }
}
