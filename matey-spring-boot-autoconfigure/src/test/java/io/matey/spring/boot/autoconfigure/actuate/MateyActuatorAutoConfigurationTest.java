package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.spring.boot.autoconfigure.MateyAutoConfiguration;
import io.matey.spring.boot.autoconfigure.TargetReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The matey endpoint, health contributor and gauges: when they exist, and what they report. */
class MateyActuatorAutoConfigurationTest {

    @TempDir
    Path dir;

    String jdbcUrl;

    ApplicationContextRunner runner;

    @BeforeEach
    void workspace() throws Exception {
        io.matey.testing.TestWorkspace ws = new io.matey.testing.TestWorkspace(dir.resolve("ws"), "sqlite");
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.migration("002_two.sql", ws.createTable("it_two"), "DROP TABLE it_two;");
        ws.apply();
        jdbcUrl = "jdbc:sqlite:" + dir.resolve("app.sqlite3");
        DriverManager.getConnection(jdbcUrl).close();
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MateyAutoConfiguration.class,
                        EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                        MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                        MateyEndpointAutoConfiguration.class, MateyHealthContributorAutoConfiguration.class,
                        MateyMetricsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + jdbcUrl, "matey.workspace=" + ws.root(),
                        "management.endpoints.web.exposure.include=matey");
    }

    @Test
    void theEndpointIsReadOnlyUnlessWritesAreEnabled() {
        runner.run(context -> assertThat(context).hasSingleBean(MateyEndpoint.class)
                .doesNotHaveBean(MateyWritableEndpoint.class));
        runner.withPropertyValues("matey.endpoint.write-enabled=true")
                .run(context -> assertThat(context).hasSingleBean(MateyWritableEndpoint.class));
    }

    @Test
    void theEndpointNeedsExposureActuatorAndMatey() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(MateyEndpoint.class));
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyEndpoint.class));
        runner.withPropertyValues("matey.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MateyEndpoint.class).doesNotHaveBean(MateyHealthIndicator.class)
                .doesNotHaveBean(MateyMetrics.class));
    }

    @Test
    void theEndpointChecksNowAndAddsTheDiffForOneTarget() throws Exception {
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> {
            MateyEndpoint endpoint = context.getBean(MateyEndpoint.class);
            TargetReport listed = endpoint.targets().targets().get(0);
            assertThat(listed.target()).isEqualTo("db/core");
            assertThat(listed.applied()).isEqualTo(listed.head()).isEqualTo(2);
            assertThat(listed.drift()).isEqualTo("clean");
            execute("CREATE TABLE it_later (id INT)");
            assertThat(endpoint.targets().targets().get(0).diff()).as("listings carry no diff").isNull();
            TargetReport one = endpoint.target("db", "core");
            assertThat(one.drifted()).isTrue();
            assertThat(one.diff()).contains("it_later");
            assertThat(endpoint.target("db", "other")).isNull();
            assertThat(context.getBean(MateyHealthIndicator.class).health().getStatus()).as("the read refreshed health")
                    .isEqualTo(Status.DOWN);
        });
    }

    @Test
    void theWriteOperationMigratesThenVerifies() {
        runner.withPropertyValues("matey.endpoint.write-enabled=true").run(context -> {
            MateyWritableEndpoint endpoint = context.getBean(MateyWritableEndpoint.class);
            assertThat(endpoint.target("db", "core").pendingCount()).isEqualTo(2);
            TargetReport migrated = endpoint.migrate("db", "core");
            assertThat(migrated.applied()).isEqualTo(2);
            assertThat(migrated.healthy()).isTrue();
        });
    }

    @Test
    void healthIsUpWhenCleanWithPendingAsConfiguredAndDownOnDrift() throws Exception {
        runner.run(context -> {
            Health pending = context.getBean(MateyHealthIndicator.class).health();
            assertThat(pending.getStatus()).isEqualTo(Status.UP);
            assertThat(pending.getDetails()).containsKey("db/core");
            assertThat(((TargetReport) pending.getDetails().get("db/core")).pending()).hasSize(2);
        });
        runner.withPropertyValues("matey.health.pending-status=OUT_OF_SERVICE").run(context -> assertThat(
                context.getBean(MateyHealthIndicator.class).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE));
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(
                context.getBean(MateyHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP));
        execute("CREATE TABLE it_later (id INT)");
        runner.withPropertyValues("matey.on-drift=warn").run(context -> {
            Health drifted = context.getBean(MateyHealthIndicator.class).health();
            assertThat(drifted.getStatus()).isEqualTo(Status.DOWN);
            assertThat(((TargetReport) drifted.getDetails().get("db/core")).diff()).contains("it_later");
        });
    }

    @Test
    void healthIsUnknownBeforeAnyCheckAndCanBeSwitchedOff() {
        runner.withPropertyValues("matey.verify-on-startup=false").run(context -> assertThat(
                context.getBean(MateyHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN));
        runner.withPropertyValues("management.health.matey.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MateyHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyHealthIndicator.class));
    }

    @Test
    void gaugesFollowTheLatestCheck() throws Exception {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, SimpleMeterRegistry.class))
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MateyAutoConfiguration.class,
                        MateyMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyMetrics.class));
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("matey.migrations.pending").tag("target", "db/core").gauge().value()).isEqualTo(2);
            assertThat(registry.get("matey.drift").tag("target", "db/core").gauge().value()).isZero();
            execute("CREATE TABLE it_later (id INT)");
            context.getBean(MateyEndpoint.class).targets();
            assertThat(registry.get("matey.drift").tag("target", "db/core").gauge().value()).isEqualTo(1);
        });
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
