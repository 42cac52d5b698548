package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.Matey;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.env.MockEnvironment;

/** Conditions, defaults and properties of {@link MateyAutoConfiguration}, on a real SQLite workspace and database. */
@ExtendWith(OutputCaptureExtension.class)
class MateyAutoConfigurationTest {

    @TempDir
    Path dir;

    SqliteWorkspace workspace;

    ApplicationContextRunner runner;

    @BeforeEach
    void workspace() throws Exception {
        workspace = new SqliteWorkspace(dir);
        runner = new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE,
                BootLine.JDBC_TEMPLATE, MateyAutoConfiguration.class));
    }

    @Test
    void defaultsVerifyTheOnlyTargetThroughTheApplicationDataSourceWithoutMigrating() {
        runner.withPropertyValues(workspace.properties()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MateyWorkspace.class).hasSingleBean(MateyTargets.class)
                    .hasSingleBean(MateyReports.class).hasSingleBean(MateyChecker.class)
                    .hasSingleBean(MateyInitializer.class);
            MateyProperties properties = context.getBean(MateyProperties.class);
            assertThat(properties.isVerifyOnStartup()).isTrue();
            assertThat(properties.isMigrateOnStartup()).isFalse();
            assertThat(properties.getOnDrift()).isEqualTo(MateyProperties.OnDrift.FAIL);
            assertThat(properties.getHealth().getPendingStatus()).isEqualTo("UP");
            assertThat(properties.getHealth().getDriftStatus()).isEqualTo("DRIFT");
            assertThat(properties.getHealth().getRecheckInterval()).isNull();
            assertThat(properties.isAdoptOnStartup()).isFalse();
            assertThat(properties.getLockTimeout()).isEqualTo(java.time.Duration.ofMinutes(10));
            assertThat(properties.getCheckTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));

            TargetReport report = context.getBean(MateyReports.class).find(SqliteWorkspace.TARGET).orElseThrow();
            assertThat(report.engine()).isEqualTo("sqlite");
            assertThat(report.connection()).as("a Matey URL").isEqualTo("sqlite3:" + workspace.database);
            assertThat(report.artifacts()).isEqualTo(TargetReport.CLEAN);
            assertThat(report.drift()).isEqualTo(TargetReport.CLEAN);
            assertThat(report.head()).isEqualTo(2);
            assertThat(report.applied()).isZero();
            assertThat(report.pending()).containsExactly("migrations/001_one.sql", "migrations/002_two.sql");
            assertThat(report.checkedAt()).isNotNull();
        });
    }

    @Test
    void aBareLockTimeoutIsSecondsAsForTheCli() {
        runner.withPropertyValues(workspace.properties("matey.lock-timeout=30")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MateyProperties.class).getLockTimeout())
                    .isEqualTo(java.time.Duration.ofSeconds(30));
        });
        runner.withPropertyValues(workspace.properties("matey.lock-timeout=500ms")).run(context ->
                assertThat(context.getBean(MateyProperties.class).getLockTimeout())
                        .isEqualTo(java.time.Duration.ofMillis(500)));
    }

    @Test
    void migrateOnStartupAppliesThePendingMigrationsThenVerifies() {
        runner.withPropertyValues(workspace.properties("matey.migrate-on-startup=true")).run(context -> {
            assertThat(context).hasNotFailed();
            TargetReport report = context.getBean(MateyReports.class).find(SqliteWorkspace.TARGET).orElseThrow();
            assertThat(report.applied()).isEqualTo(2);
            assertThat(report.pending()).isEmpty();
            assertThat(report.healthy()).isTrue();
        });
    }

    /**
     * The migration's postcheck is the start-up's check: the report it gives is the one a check gives, without
     * reading the artifacts and the database a second time (one connection to detect the engine, one to migrate).
     */
    @Test
    void migrateOnStartupReportsItsPostcheckWithoutCheckingAgain() {
        AtomicInteger connections = new AtomicInteger();
        SQLiteDataSource database = new SQLiteDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                connections.incrementAndGet();
                return super.getConnection();
            }
        };
        database.setUrl(workspace.jdbcUrl());
        runner.withBean(DataSource.class, () -> database)
                .withPropertyValues(workspace.properties("matey.migrate-on-startup=true")).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(connections).hasValue(2);
                    TargetReport migrated = context.getBean(MateyReports.class).find(SqliteWorkspace.TARGET)
                            .orElseThrow();
                    TargetReport checked = context.getBean(MateyChecker.class)
                            .verify(context.getBean(MateyTargets.class).find(SqliteWorkspace.TARGET).orElseThrow());
                    assertThat(migrated).usingRecursiveComparison().ignoringFields("checkedAt").isEqualTo(checked);
                    assertThat(migrated.head()).isEqualTo(2);
                });
    }

    @Test
    void jdbcTemplateWaitsForTheInitializer() {
        runner.withPropertyValues(workspace.properties()).run(context -> assertThat(
                context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn()).contains("mateyInitializer"));
    }

    @Test
    void verifyOnStartupOffChecksNothing() {
        runner.withPropertyValues(workspace.properties("matey.verify-on-startup=false")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MateyInitializer.class);
            assertThat(context.getBean(MateyReports.class).all()).isEmpty();
        });
    }

    @Test
    void disabledGivesNoBeans() {
        runner.withPropertyValues(workspace.properties("matey.enabled=false"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyWorkspace.class)
                        .doesNotHaveBean(MateyInitializer.class).doesNotHaveBean(MateyProperties.class));
    }

    @Test
    void noDataSourceAndNoTargetUrlGivesNoBeans() {
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + workspace.root())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyInitializer.class));
    }

    @Test
    void withoutMateyOnTheClasspathNothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(Matey.class)).withPropertyValues(workspace.properties())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyInitializer.class));
    }

    @Test
    void aTargetUrlAloneIsEnough() {
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + workspace.root(), "matey.migrate-on-startup=true",
                        "matey.targets.[db/core].url=sqlite3:" + workspace.database)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ManagedTarget target = context.getBean(MateyTargets.class).find("db/core").orElseThrow();
                    assertThat(target.endpoint().kind()).isEqualTo("URL");
                    assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().applied()).isEqualTo(2);
                });
    }

    @Test
    void aTargetUrlEnvIsReadFromTheEnvironment() {
        runner.withPropertyValues(workspace.properties("matey.targets.[db/core].url-env=ORDERS_DATABASE_URL",
                "ORDERS_DATABASE_URL=sqlite3:" + workspace.database)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MateyTargets.class).find("db/core").orElseThrow().endpoint())
                            .hasToString("sqlite3:" + workspace.database);
                });
    }

    @Test
    void withoutADataSourceTheTargetsUrlEnvFromConfigTomlIsUsed() {
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + workspace.root(), "matey.targets.[db/core].enabled=true",
                        "matey.targets.[db/core].url-env=DB_CORE_DATABASE_URL")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("No live database for Matey target 'db/core': DB_CORE_DATABASE_URL is not set. "
                                + "Set it, or matey.targets.[db/core].url or .data-source."));
    }

    /** Two DataSource beans without a @Primary one: the start-up names them and how to choose, not a variable. */
    @Test
    void severalDataSourcesWithoutAPrimaryOneAreNamedWithHowToChoose() {
        runner.withUserConfiguration(UnchosenDataSources.class).withPropertyValues(workspace.properties())
                .run(context -> {
                    assertThat(context).hasFailed().getFailure().rootCause().hasMessage("No live database for Matey "
                            + "target 'db/core': the application has 2 DataSource beans (mainDs, secondDs) and none "
                            + "is @Primary. Mark one @Primary (or the one Matey uses @MateyDataSource), or set "
                            + "matey.targets.[db/core].data-source=<bean name>.");
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment().withProperty(
                            "matey.workspace", workspace.root().toString())).analyze(context.getStartupFailure());
                    assertThat(analysis.getAction()).as("the target is known").contains(" db status --path db/core`")
                            .doesNotContain("<target>");
                });
        runner.withUserConfiguration(UnchosenDataSources.class)
                .withPropertyValues(workspace.properties("matey.targets.[db/core].data-source=secondDs"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    /** The root target's commands take no --path, as the CLI's messages name them. */
    @Test
    void theRootTargetsCommandsTakeNoPath() {
        FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment().withProperty("matey.workspace",
                workspace.root().toString())).analyze(new MateyNoDatabaseException(".", "DATABASE_URL is not set."));
        assertThat(analysis.getAction()).contains(" db status`").doesNotContain("--path");
    }

    @Test
    void aNamedDataSourceBeanServesItsTarget() {
        runner.withUserConfiguration(TwoDataSources.class)
                .withPropertyValues(workspace.properties("matey.targets.[db/core].data-source=mateyOwn"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MateyTargets.class).find("db/core").orElseThrow().endpoint())
                            .hasToString("sqlite3:" + workspace.database + ".own");
                });
    }

    @Test
    void aMateyDataSourceBeanIsPreferredForThePrimaryTarget() {
        runner.withUserConfiguration(QualifiedDataSource.class).withPropertyValues(workspace.properties())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MateyTargets.class).find("db/core").orElseThrow().endpoint())
                            .hasToString("sqlite3:" + workspace.database + ".own");
                });
    }

    @Test
    void aTargetNotInTheWorkspaceIsNamed() {
        runner.withPropertyValues(workspace.properties("matey.targets.[db/other].url=sqlite3:x.sqlite3"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Matey target 'db/other' is not in the workspace")
                        .hasMessageContaining("Available targets: 'db/core'."));
    }

    @Test
    void aWorkspaceTargetTheApplicationDoesNotCheckIsNamedInTheLog(CapturedOutput output) {
        workspace.ws.write("matey.toml", "targets = [\"db/core\", \"db/reports\"]\n");
        workspace.ws.write("db/reports/config.toml", "engine = \"sqlite\"\nurl_env = \"DB_REPORTS_DATABASE_URL\"\n"
                + "test_url_env = \"DB_REPORTS_TEST_DATABASE_URL\"\n");
        runner.withPropertyValues(workspace.properties("matey.primary-target=db/core")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MateyTargets.class).all()).extracting(ManagedTarget::name)
                    .containsExactly("db/core");
            assertThat(output).contains("Matey checks target 'db/core'; this application does not check the "
                    + "workspace's target 'db/reports': give matey.targets.[db/reports] a url, url-env or data-source "
                    + "to check it here");
        });
    }

    @Test
    void everyWorkspaceTargetTheApplicationDoesNotCheckIsNamedInTheHint(CapturedOutput output) {
        workspace.ws.write("matey.toml", "targets = [\"db/core\", \"db/reports\", \"db/audit\"]\n");
        for (String target : new String[] {"db/reports", "db/audit"}) {
            workspace.ws.write(target + "/config.toml", "engine = \"sqlite\"\nurl_env = \"X_DATABASE_URL\"\n"
                    + "test_url_env = \"X_TEST_DATABASE_URL\"\n");
        }
        runner.withPropertyValues(workspace.properties("matey.primary-target=db/core")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("this application does not check the workspace's targets 'db/audit', "
                    + "'db/reports': give matey.targets.[db/audit] and matey.targets.[db/reports] a url, url-env or "
                    + "data-source to check them here");
        });
    }

    /** Several targets, none '.', no primary-target: the application's DataSource would be checked by no target. */
    @Test
    void theApplicationsDatabaseServedByNoTargetStopsTheStartUp() throws Exception {
        workspace.ws.write("matey.toml", "targets = [\"db/core\", \"db/reports\"]\n");
        workspace.ws.write("db/reports/config.toml", "engine = \"sqlite\"\nurl_env = \"DB_REPORTS_DATABASE_URL\"\n"
                + "test_url_env = \"DB_REPORTS_TEST_DATABASE_URL\"\n");
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("reports.sqlite3")).close();
        String reports = "matey.targets.[db/reports].url=sqlite3:" + dir.resolve("reports.sqlite3");
        runner.withPropertyValues(workspace.properties(reports, "matey.migrate-on-startup=true"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("served by no Matey target")
                        .hasMessageContaining("several targets ('db/core', 'db/reports')")
                        .hasMessageContaining("Set matey.primary-target"));
        // Without a database of its own, the application checks the targets it lists, as before.
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + workspace.root(), reports).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MateyTargets.class).all()).extracting(ManagedTarget::name)
                            .containsExactly("db/reports");
                });
    }

    @Test
    void aDisabledTargetIsNamedAsDisabledInTheLog(CapturedOutput output) {
        workspace.ws.write("matey.toml", "targets = [\"db/core\", \"db/reports\"]\n");
        workspace.ws.write("db/reports/config.toml", "engine = \"sqlite\"\nurl_env = \"DB_REPORTS_DATABASE_URL\"\n"
                + "test_url_env = \"DB_REPORTS_TEST_DATABASE_URL\"\n");
        runner.withPropertyValues(workspace.properties("matey.primary-target=db/core",
                "matey.targets.[db/reports].enabled=false")).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("Matey checks target 'db/core'; target 'db/reports' is disabled by "
                            + "matey.targets.[db/reports].enabled=false").doesNotContain("give matey.targets.[db/reports]");
                });
    }

    @Test
    void anInvalidTargetUrlNamesTheTargetAndTheProperty() {
        runner.withPropertyValues(workspace.properties("matey.targets.[db/core].url="))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageStartingWith(
                        "Matey target 'db/core', matey.targets.[db/core].url: Invalid database URL ''"));
    }

    @Test
    void aDisabledPrimaryTargetLeavesNothingToManage() {
        runner.withPropertyValues(workspace.properties("matey.targets.[db/core].enabled=false"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("No Matey target to manage"));
    }

    @Test
    void aUsersOwnBeansWin() {
        runner.withUserConfiguration(OwnBeans.class).withPropertyValues(workspace.properties()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MateyInitializer.class)).isSameAs(context.getBean(OwnBeans.class).initializer);
            assertThat(context.getBean(MateyReports.class)).isSameAs(context.getBean(OwnBeans.class).reports);
            assertThat(context.getBean(MateyReports.class).all()).as("the own initializer checks nothing").isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        @Primary
        DataSource dataSource(org.springframework.core.env.Environment environment) {
            return sqlite(environment.getProperty("spring.datasource.url"));
        }

        @Bean
        DataSource mateyOwn(org.springframework.core.env.Environment environment) {
            return sqlite(environment.getProperty("spring.datasource.url") + ".own");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnchosenDataSources {

        @Bean
        DataSource mainDs(org.springframework.core.env.Environment environment) {
            return sqlite(environment.getProperty("spring.datasource.url"));
        }

        @Bean
        DataSource secondDs(org.springframework.core.env.Environment environment) {
            return sqlite(environment.getProperty("spring.datasource.url") + ".second");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedDataSource {

        @Bean
        @Primary
        DataSource dataSource(org.springframework.core.env.Environment environment) {
            return sqlite(environment.getProperty("spring.datasource.url"));
        }

        @Bean
        @MateyDataSource
        DataSource mateyOwn(org.springframework.core.env.Environment environment) {
            return sqlite(environment.getProperty("spring.datasource.url") + ".own");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        final MateyReports reports = new MateyReports();
        MateyInitializer initializer;

        @Bean
        MateyReports ownReports() {
            return reports;
        }

        @Bean
        MateyInitializer ownInitializer(MateyTargets targets, MateyChecker checker) {
            MateyProperties off = new MateyProperties();
            off.setVerifyOnStartup(false);
            initializer = new MateyInitializer(targets, checker, off);
            return initializer;
        }
    }

    static DataSource sqlite(String url) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }

    /** Only the checked targets' config.toml files are read: another target's bad or missing one stops nothing. */
    @Test
    void aTargetTheApplicationDoesNotCheckCannotStopItsStartUp(CapturedOutput output) throws Exception {
        workspace.ws.write("matey.toml", "targets = [\"db/bad\", \"db/core\"]\n");
        workspace.ws.write("db/bad/config.toml", "engine = \"sqlite\"\n");
        ApplicationContextRunner app = runner.withPropertyValues(workspace.properties("matey.primary-target=db/core",
                "matey.migrate-on-startup=true"));
        app.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().applied()).isEqualTo(2);
            assertThat(output).contains("this application does not check the workspace's target 'db/bad'");
        });
        Files.delete(workspace.root().resolve("db/bad/config.toml"));
        app.run(context -> assertThat(context).hasNotFailed());
        app.withPropertyValues("matey.targets.[db/bad].url=sqlite3:" + dir.resolve("bad.sqlite3")).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageStartingWith(
                        "Target config not found: " + workspace.root().resolve("db/bad/config.toml")));
    }

    /**
     * A target without migrations (the first run after {@code matey init}) starts clean at index 0 under
     * migrate-on-startup and adopt-on-startup, as the primary target and as a secondary one.
     */
    @Test
    void migrateOnStartupStartsATargetWithoutMigrationsCleanAtIndexZero(CapturedOutput output) throws Exception {
        TestWorkspace fresh = new TestWorkspace(dir.resolve("fresh"), "sqlite");
        fresh.write("matey.toml", "targets = [\"db/core\", \"db/next\"]\n");
        fresh.matey().init(TestWorkspace.TARGET, "sqlite", null, null, false);
        fresh.matey().init("db/next", "sqlite", null, null, false);
        Path database = dir.resolve("fresh.sqlite3");
        DriverManager.getConnection("jdbc:sqlite:" + database).close();
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("next.sqlite3")).close();
        runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + database, "matey.workspace=" + fresh.root(),
                "matey.primary-target=db/core", "matey.targets.[db/next].url=sqlite3:" + dir.resolve("next.sqlite3"),
                "matey.migrate-on-startup=true", "matey.adopt-on-startup=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    for (String target : new String[] {"db/core", "db/next"}) {
                        TargetReport report = context.getBean(MateyReports.class).find(target).orElseThrow();
                        assertThat(report.error()).as(target).isNull();
                        assertThat(report.head()).as(target).isZero();
                        assertThat(report.applied()).as(target).isZero();
                        assertThat(report.drift()).as(target).isEqualTo(TargetReport.CLEAN);
                        assertThat(output).contains("Matey target '" + target + "' has no migrations yet: nothing to "
                                + "migrate");
                    }
                    assertThat(output).doesNotContain("db migrate");
                });
    }
}
