package io.matey.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's own auto-configurations the tests start, found under their Boot 4 or Boot 3.5 name: the same
 * tests run on both lines (docs/architecture.md §8).
 */
public final class BootLine {

    public static final Class<?> DATA_SOURCE = either("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
    public static final Class<?> JDBC_TEMPLATE = either("org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration");
    public static final Class<?> HIBERNATE_JPA = either(
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration");
    public static final Class<?> DATA_JPA_REPOSITORIES = either(
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration");
    public static final Class<?> TRANSACTION = either(
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration");
    public static final Class<?> ENDPOINT = either("org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration");
    public static final Class<?> HEALTH_CONTRIBUTOR = either(
            "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration");
    public static final Class<?> METRICS = either(
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration");
    public static final Class<?> SIMPLE_METRICS_EXPORT = either(
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration");
    public static final Class<?> FLYWAY = either("org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration");
    public static final Class<?> LIQUIBASE = either("org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
            "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration");

    public static final Class<?> JDBC_CONNECTION_DETAILS = either("org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails",
            "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails");

    /** Packages of the health API, for hiding it from a context. */
    public static final String[] HEALTH_PACKAGES = {"org.springframework.boot.health.contributor",
        "org.springframework.boot.actuate.health"};

    private BootLine() {
    }

    public static AutoConfigurations of(Class<?>... classes) {
        return AutoConfigurations.of(classes);
    }

    private static Class<?> either(String boot4, String boot3) {
        ClassLoader loader = BootLine.class.getClassLoader();
        try {
            return ClassUtils.forName(ClassUtils.isPresent(boot4, loader) ? boot4 : boot3, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Neither " + boot4 + " nor " + boot3 + " is on the test classpath", e);
        }
    }
}
