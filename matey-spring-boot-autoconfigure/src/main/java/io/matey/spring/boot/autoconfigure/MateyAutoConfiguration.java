package io.matey.spring.boot.autoconfigure;

import io.matey.Matey;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Checks the application's databases against the committed Matey artifacts during start-up, modelled on
 * Spring Boot's Flyway support: the {@link MateyInitializer} is a database initializer that JPA and
 * {@code JdbcTemplate} wait for. Every bean backs off when the application defines its own. An application's
 * BigQuery bean serves the BigQuery targets in its project ({@link MateyBigQueryConfiguration}). Flyway or Liquibase
 * set to migrate a database a target checks stops the start-up before any of them runs ({@link OtherMigrationTools}):
 * {@link MateyTargets}, which refuses it, is the first database initializer
 * ({@link MateyTargetsDatabaseInitializerDetector}).
 */
@AutoConfiguration(afterName = {BootAutoConfigurations.DATA_SOURCE, BootAutoConfigurations.BOOT3_DATA_SOURCE,
            BootAutoConfigurations.GCP_BIGQUERY},
        beforeName = {BootAutoConfigurations.HIBERNATE_JPA, BootAutoConfigurations.BOOT3_HIBERNATE_JPA,
            BootAutoConfigurations.JDBC_TEMPLATE, BootAutoConfigurations.BOOT3_JDBC_TEMPLATE,
            BootAutoConfigurations.FLYWAY, BootAutoConfigurations.BOOT3_FLYWAY, BootAutoConfigurations.LIQUIBASE,
            BootAutoConfigurations.BOOT3_LIQUIBASE})
@ConditionalOnClass(Matey.class)
@ConditionalOnBooleanProperty(name = "matey.enabled", matchIfMissing = true)
@Conditional(MateyDatabaseCondition.class)
@EnableConfigurationProperties(MateyProperties.class)
@Import({DatabaseInitializationDependencyConfigurer.class, MateyBigQueryConfiguration.class})
public class MateyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MateyWorkspace mateyWorkspace(MateyProperties properties, ResourceLoader resourceLoader) {
        return MateyWorkspace.load(properties.getWorkspace(),
                ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
    }

    @Bean
    @ConditionalOnMissingBean
    MateyTargets mateyTargets(MateyWorkspace workspace, MateyProperties properties,
            @MateyDataSource ObjectProvider<DataSource> mateyDataSource, ObjectProvider<DataSource> dataSource,
            ObjectProvider<MateyConnectionDetails> connectionDetails, ListableBeanFactory beanFactory,
            Environment environment, ObjectProvider<ApplicationClient> clients) {
        return workspace.shown(() -> {
            TargetConnections connections = new TargetConnections(properties, workspace.workspace(),
                    PrimaryConnection.of(mateyDataSource.getIfAvailable(), connectionDetails.getIfUnique(),
                            dataSource.getIfUnique(), List.of(beanFactory.getBeanNamesForType(DataSource.class))),
                    name -> beanFactory.getBean(name, DataSource.class), environment, clients.orderedStream().toList());
            MateyTargets targets = connections.resolve();
            new OtherMigrationTools(beanFactory, environment, dataSource.getIfUnique())
                    .refuseSharing(connections.dataSources(), targets);
            return targets;
        });
    }

    @Bean
    @ConditionalOnMissingBean
    MateyReports mateyReports() {
        return new MateyReports();
    }

    @Bean
    @ConditionalOnMissingBean
    MateyChecker mateyChecker(MateyWorkspace workspace, MateyReports reports, MateyProperties properties,
            ApplicationEventPublisher events, ListableBeanFactory beanFactory, Environment environment) {
        return new MateyChecker(workspace, properties.getLockTimeout(), reports, Clock.systemUTC(), events,
                properties.getCheckTimeout(), MateyEndpointPath.of(beanFactory, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    MateyInitializer mateyInitializer(MateyTargets targets, MateyChecker checker, MateyProperties properties,
            ObjectProvider<MateyMigrationStrategy> strategy, ListableBeanFactory beanFactory, Environment environment) {
        return new MateyInitializer(targets, checker, properties, strategy.getIfAvailable(),
                MateyEndpointPath.of(beanFactory, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("matey.health.recheck-interval")
    MateyRecheck mateyRecheck(MateyTargets targets, MateyChecker checker, MateyProperties properties) {
        return new MateyRecheck(targets, checker, properties.getHealth().getRecheckInterval());
    }
}
