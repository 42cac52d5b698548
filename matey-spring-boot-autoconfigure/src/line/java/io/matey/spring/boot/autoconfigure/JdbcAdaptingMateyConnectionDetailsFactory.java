package io.matey.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Adapts Boot 4's JDBC connection details (a Docker Compose database service's) into {@link MateyConnectionDetails},
 * as Boot does for Flyway and Liquibase; registered in {@code META-INF/spring.factories}.
 */
class JdbcAdaptingMateyConnectionDetailsFactory
        implements ConnectionDetailsFactory<JdbcConnectionDetails, MateyConnectionDetails> {

    @Override
    public MateyConnectionDetails getConnectionDetails(JdbcConnectionDetails input) {
        return new MateyConnectionDetails() {

            @Override
            public String getJdbcUrl() {
                return input.getJdbcUrl();
            }

            @Override
            public String getUsername() {
                return input.getUsername();
            }

            @Override
            public String getPassword() {
                return input.getPassword();
            }
        };
    }
}
