package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway and Liquibase beside Matey, with Boot's own auto-configurations on real SQLite files: on the database a
 * target checks, the start-up stops before either tool ran; on a database of its own, or disabled, both start.
 */
class MateyOtherMigrationToolsTest {

    @TempDir
    Path dir;

    SqliteWorkspace workspace;

    ApplicationContextRunner runner;

    ApplicationContextRunner liquibase;

    @BeforeEach
    void workspace() throws Exception {
        workspace = new SqliteWorkspace(dir);
        runner = new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, BootLine.FLYWAY,
                MateyAutoConfiguration.class));
        Path changelog = dir.resolve("changelog.sql");
        Files.writeString(changelog, "--liquibase formatted sql\n--changeset matey-test:1\n"
                + "CREATE TABLE lb_one (id INTEGER PRIMARY KEY);\n");
        liquibase = new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE,
                BootLine.LIQUIBASE, MateyAutoConfiguration.class))
                .withPropertyValues("spring.liquibase.change-log=file:" + changelog);
    }

    @Test
    void flywayOnTheDatabaseATargetChecksStopsTheStartUpBeforeEitherRan() {
        runner.withPropertyValues(workspace.properties("matey.migrate-on-startup=true")).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MateyMigrationToolFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Flyway is enabled and would migrate the database that "
                    + "Matey target 'db/core' checks (through the application's DataSource (spring.datasource.url, "
                    + ".username and .password)).").contains("flyway_schema_history");
            assertThat(analysis.getAction()).contains("spring.flyway.enabled=false", "Moving from Flyway or Liquibase",
                    "matey.targets.[db/core].data-source", "spring.flyway.url", "@FlywayDataSource");
            assertThat(tables(workspace.database)).as("neither tool ran").isEmpty();
        });
    }

    /**
     * A packaged application whose build names Flyway before the starter lists Flyway's database-initializer
     * detectors first; its own bean that reads the database, created before any auto-configured one, then has Boot
     * create Flyway's initializer first: the refusal must still come before it.
     */
    @Test
    void flywayListedBeforeTheStarterIsStillRefusedBeforeItRan() {
        runner.withClassLoader(new StarterListedLast(getClass().getClassLoader()))
                .withUserConfiguration(ApplicationReadingTheDatabase.class)
                .withPropertyValues(workspace.properties("matey.migrate-on-startup=true")).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(new MateyMigrationToolFailureAnalyzer().analyze(context.getStartupFailure()))
                            .as("Matey's analysis of the failure").isNotNull().extracting(FailureAnalysis::getDescription)
                            .asString().startsWith("Flyway is enabled and would migrate the database that Matey "
                                    + "target 'db/core' checks");
                    assertThat(tables(workspace.database)).as("neither tool ran").isEmpty();
                });
    }

    @Test
    void flywayDisabledLeavesTheDatabaseToMatey() {
        runner.withPropertyValues(workspace.properties("matey.migrate-on-startup=true", "spring.flyway.enabled=false"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(tables(workspace.database)).contains("it_one", "it_two")
                            .doesNotContain("flyway_schema_history");
                });
    }

    @Test
    void flywayOnADatabaseOfItsOwnMigratesBesideMatey() throws Exception {
        Path flyways = dir.resolve("flyway.sqlite3");
        runner.withPropertyValues(workspace.properties("matey.migrate-on-startup=true",
                "spring.flyway.url=jdbc:sqlite:" + flyways, "spring.flyway.baseline-on-migrate=true")).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(tables(workspace.database)).contains("it_one").doesNotContain("flyway_schema_history");
                    assertThat(tables(flyways)).contains("flyway_schema_history");
                });
    }

    /**
     * The README's way from Flyway: a database Flyway migrated keeps its flyway_schema_history, which no checkpoint
     * holds, so adoption refuses it; once the table is dropped, Matey adopts the database.
     */
    @Test
    void aDatabaseFlywayMigratedIsAdoptedOnceItsHistoryTableIsDropped() throws Exception {
        Path flywayMigrations = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(flywayMigrations.resolve("V1__one.sql"), workspace.ws.createTable("it_one"));
        Files.writeString(flywayMigrations.resolve("V2__two.sql"), workspace.ws.createTable("it_two"));
        Flyway.configure().dataSource(workspace.jdbcUrl(), null, null).locations("filesystem:" + flywayMigrations)
                .load().migrate();
        assertThat(tables(workspace.database)).contains("it_one", "it_two", "flyway_schema_history");

        ApplicationContextRunner matey = runner.withPropertyValues(workspace.properties("spring.flyway.enabled=false",
                "matey.adopt-on-startup=true"));
        matey.run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("flyway_schema_history"));
        try (Connection c = DriverManager.getConnection(workspace.jdbcUrl())) {
            c.createStatement().execute("DROP TABLE flyway_schema_history");
        }
        matey.run(context -> {
            assertThat(context).hasNotFailed();
            TargetReport report = context.getBean(MateyReports.class).find(SqliteWorkspace.TARGET).orElseThrow();
            assertThat(report.applied()).isEqualTo(2);
            assertThat(report.drift()).isEqualTo(TargetReport.CLEAN);
        });
    }

    @Test
    void liquibaseOnTheDatabaseATargetChecksStopsTheStartUpBeforeEitherRan() {
        liquibase.withPropertyValues(workspace.properties("matey.migrate-on-startup=true")).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MateyMigrationToolFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Liquibase is enabled and would migrate the database "
                    + "that Matey target 'db/core' checks").contains("databasechangelog");
            assertThat(analysis.getAction()).contains("spring.liquibase.enabled=false", "spring.liquibase.url",
                    "@LiquibaseDataSource");
            assertThat(tables(workspace.database)).as("neither tool ran").isEmpty();
        });
    }

    @Test
    void liquibaseListedBeforeTheStarterIsStillRefusedBeforeItRan() {
        liquibase.withClassLoader(new StarterListedLast(getClass().getClassLoader()))
                .withUserConfiguration(ApplicationReadingTheDatabase.class)
                .withPropertyValues(workspace.properties("matey.migrate-on-startup=true")).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(new MateyMigrationToolFailureAnalyzer().analyze(context.getStartupFailure()))
                            .as("Matey's analysis of the failure").isNotNull().extracting(FailureAnalysis::getDescription)
                            .asString().startsWith("Liquibase is enabled and would migrate the database that "
                                    + "Matey target 'db/core' checks");
                    assertThat(tables(workspace.database)).as("neither tool ran").isEmpty();
                });
    }

    @Test
    void liquibaseOnADatabaseOfItsOwnMigratesBesideMatey() throws Exception {
        Path liquibases = dir.resolve("liquibase.sqlite3");
        liquibase.withPropertyValues(workspace.properties("matey.migrate-on-startup=true",
                "spring.liquibase.url=jdbc:sqlite:" + liquibases)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(tables(workspace.database)).contains("it_one", "it_two")
                            .doesNotContain("DATABASECHANGELOG", "lb_one");
                    assertThat(tables(liquibases)).contains("DATABASECHANGELOG", "lb_one");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationReadingTheDatabase {

        @Bean
        @DependsOnDatabaseInitialization
        String itemsReader() {
            return "reads the migrated tables";
        }
    }

    /** Lists the starter's own META-INF files after every other jar's, as a jar built with Flyway first does. */
    private static final class StarterListedLast extends ClassLoader {

        private final String starter = MateyAutoConfiguration.class.getProtectionDomain().getCodeSource()
                .getLocation().toString();

        StarterListedLast(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> others = new ArrayList<>();
            List<URL> starters = new ArrayList<>();
            for (URL url : Collections.list(super.getResources(name))) {
                (url.toString().contains(starter) ? starters : others).add(url);
            }
            others.addAll(starters);
            return Collections.enumeration(others);
        }
    }

    private static List<String> tables(Path database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
