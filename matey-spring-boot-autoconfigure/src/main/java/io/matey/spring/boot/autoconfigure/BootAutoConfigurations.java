package io.matey.spring.boot.autoconfigure;

/**
 * Spring Boot's auto-configurations that Matey's orders itself against, by name: Boot 4 moved them into
 * technology modules, and naming both lines' classes lets one source serve both (docs/architecture.md §8).
 * Names of absent classes are ignored when auto-configurations are sorted.
 */
final class BootAutoConfigurations {

    static final String DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";
    static final String BOOT3_DATA_SOURCE = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";
    static final String JDBC_TEMPLATE = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration";
    static final String BOOT3_JDBC_TEMPLATE = "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration";
    static final String HIBERNATE_JPA = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration";
    static final String BOOT3_HIBERNATE_JPA = "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration";
    static final String FLYWAY = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
    static final String BOOT3_FLYWAY = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration";
    static final String LIQUIBASE = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration";
    static final String BOOT3_LIQUIBASE = "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration";
    /** Not Boot's: spring-cloud-gcp's, which defines the BigQuery bean Matey's BigQuery targets use. */
    static final String GCP_BIGQUERY = "com.google.cloud.spring.autoconfigure.bigquery.GcpBigQueryAutoConfiguration";

    private BootAutoConfigurations() {
    }
}
