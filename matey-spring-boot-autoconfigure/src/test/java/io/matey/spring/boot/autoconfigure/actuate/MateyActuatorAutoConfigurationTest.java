package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.replay.ReplayOptions;
import io.matey.spring.boot.autoconfigure.BootLine;
import io.matey.spring.boot.autoconfigure.MateyAutoConfiguration;
import io.matey.spring.boot.autoconfigure.TargetReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.convert.support.ConfigurableConversionService;

/** The matey endpoint, health contributor and gauges: when they exist, and what they report. */
@ExtendWith(OutputCaptureExtension.class)
class MateyActuatorAutoConfigurationTest {

    @TempDir
    Path dir;

    String jdbcUrl;

    ApplicationContextRunner runner;

    @BeforeEach
    void workspace() throws Exception {
        io.matey.testing.TestWorkspace ws = new io.matey.testing.TestWorkspace(dir.resolve("ws"), "sqlite");
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.migration("002_two.sql", ws.createTable("it_two") + "\nINSERT INTO it_one (id, name) VALUES (2, 'two');",
                "DELETE FROM it_one WHERE id = 2;\nDROP TABLE it_two;");
        ws.apply();
        jdbcUrl = "jdbc:sqlite:" + dir.resolve("app.sqlite3");
        DriverManager.getConnection(jdbcUrl).close();
        runner = new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class, BootLine.ENDPOINT,
                        BootLine.HEALTH_CONTRIBUTOR, BootLine.METRICS, BootLine.SIMPLE_METRICS_EXPORT,
                        MateyEndpointAutoConfiguration.class, MateyHealthContributorAutoConfiguration.class,
                        MateyMetricsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + jdbcUrl, "matey.workspace=" + ws.root(),
                        "management.endpoints.web.exposure.include=matey");
    }

    @Test
    void theEndpointFollowsBootsAccessModelAndExposure() {
        runner.run(context -> assertThat(context).hasSingleBean(MateyEndpoint.class));
        runner.withPropertyValues("management.endpoint.matey.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(MateyEndpoint.class));
        // the README's spelling and the enum's bind alike in an application, whose environment converts as
        // SpringApplication sets it up; a misspelling fails the start-up
        for (String access : List.of("read-only", "read_only")) {
            runner.withInitializer(context -> context.getEnvironment().setConversionService(
                    (ConfigurableConversionService) ApplicationConversionService.getSharedInstance()))
                    .withPropertyValues("management.endpoint.matey.access=" + access)
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(MateyEndpoint.class));
        }
        runner.withInitializer(context -> context.getEnvironment().setConversionService(
                (ConfigurableConversionService) ApplicationConversionService.getSharedInstance()))
                .withPropertyValues("management.endpoint.matey.access=read-onIy")
                .run(context -> assertThat(context).hasFailed());
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
            WebEndpointResponse<TargetReport> one = endpoint.target("db", "core");
            assertThat(one.getStatus()).isEqualTo(200);
            assertThat(one.getBody().drifted()).isTrue();
            assertThat(one.getBody().diff()).contains("it_later");
            assertThat(status(context)).as("the read refreshed health").isEqualTo("DOWN");
        });
    }

    @Test
    void unknownTargetsAre404ForReadsAndWrites() {
        runner.run(context -> {
            MateyEndpoint endpoint = context.getBean(MateyEndpoint.class);
            assertThat(endpoint.target("db", "other").getStatus()).isEqualTo(404);
            assertThat(endpoint.migrate("db", "other").getStatus()).isEqualTo(404);
            assertThat(endpoint.target(MateyEndpoint.ROOT_SEGMENT).getStatus()).as("this workspace has no root target")
                    .isEqualTo(404);
        });
    }

    @Test
    void theRootTargetIsAddressedByASegmentThatSurvivesNormalisation() throws Exception {
        Path root = dir.resolve("rooted");
        Files.createDirectories(root.resolve("migrations"));
        Files.writeString(root.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(root.resolve("config.toml"), "engine = \"sqlite\"\nurl_env = \"DATABASE_URL\"\ntest_url_env = \"TEST_DATABASE_URL\"\n");
        Files.writeString(root.resolve("migrations/001_one.sql"), "-- migrate:up\nCREATE TABLE it_one (id INT);\n"
                + "-- migrate:down\nDROP TABLE it_one;\n");
        new MateyTools(new Matey(root, null, Map.of())).schemaApply(".", ReplayOptions.defaults(), line -> { });
        runner.withPropertyValues("matey.workspace=" + root).run(context -> {
            MateyEndpoint endpoint = context.getBean(MateyEndpoint.class);
            assertThat(endpoint.targets().targets().get(0).target()).isEqualTo(".");
            assertThat(health(context).getDetails().get(".")).asInstanceOf(MAP).containsEntry("endpoint", "/actuator/matey/~");
            WebEndpointResponse<TargetReport> report = endpoint.target("~");
            assertThat(report.getStatus()).isEqualTo(200);
            assertThat(report.getBody().target()).isEqualTo(".");
        });
    }

    @Test
    void theWriteOperationMigratesThenVerifies() {
        runner.withPropertyValues("management.endpoint.matey.access=UNRESTRICTED").run(context -> {
            MateyEndpoint endpoint = context.getBean(MateyEndpoint.class);
            assertThat(endpoint.target("db", "core").getBody().pendingCount()).isEqualTo(2);
            TargetReport migrated = endpoint.migrate("db", "core").getBody();
            assertThat(migrated.applied()).isEqualTo(2);
            assertThat(migrated.healthy()).isTrue();
        });
    }

    @Test
    void anUnrestrictedEndpointWithoutSpringSecurityIsAWarning(CapturedOutput output) {
        String warning = "Matey's write operation (POST /actuator/matey/db/core) is open to anyone";
        runner.withPropertyValues("management.endpoint.matey.access=UNRESTRICTED").run(context -> {
            assertThat(context).hasSingleBean(MateyEndpoint.class);
            assertThat(output).as("Spring Security is on the test class path").doesNotContain(warning);
        });
        FilteredClassLoader withoutSecurity = new FilteredClassLoader("org.springframework.security");
        runner.withClassLoader(withoutSecurity).run(context -> assertThat(output).as("read-only").doesNotContain(warning));
        runner.withClassLoader(withoutSecurity).withPropertyValues("management.endpoint.matey.access=UNRESTRICTED")
                .run(context -> assertThat(output).contains(warning));
    }

    /** The row 002 inserts is on the database already (data, not drift), so the migration fails there. */
    @Test
    void aMigrationFailingThroughTheWriteOperationIsReportedWithItsReason(CapturedOutput output) throws Exception {
        // 001 applied as dbmate records it, and the row 002 inserts already there: 002 fails
        execute("CREATE TABLE it_one (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40))");
        execute("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY)");
        execute("INSERT INTO schema_migrations (version) VALUES ('001')");
        execute("INSERT INTO it_one (id, name) VALUES (2, 'taken')");
        runner.withPropertyValues("management.endpoint.matey.access=UNRESTRICTED").run(context -> {
            WebEndpointResponse<TargetReport> response = context.getBean(MateyEndpoint.class).migrate("db", "core");
            assertThat(response.getStatus()).as("curl -f sees the failure").isEqualTo(500);
            TargetReport failed = response.getBody();
            assertThat(failed.error()).as("in the application's words: no CLI command ran")
                    .startsWith("Matey's migration (POST /actuator/matey/db/core) failed: migrations/002_two.sql:");
            assertThat(failed.reason()).isEqualTo("migration-failed");
            assertThat(status(context)).as("health keeps the latest check's report").isEqualTo("UP");
            assertThat(health(context).getDetails().get("db/core")).asInstanceOf(MAP)
                    .containsEntry("applied", 1).containsEntry("head", 2).containsEntry("pending", 1)
                    .doesNotContainKey("reason");
            assertThat(output).contains("migration through the matey endpoint failed (reason: migration-failed, "
                    + "HTTP 500): Matey's migration (POST /actuator/matey/db/core) failed: migrations/002_two.sql:");
        });
    }

    /** 001 applied as dbmate records it, and a table no migration makes: 002 is not run over the drift. */
    @Test
    void aWriteRefusedOverDriftIsAConflictWithItsReasonAndALogLine(CapturedOutput output) throws Exception {
        execute("CREATE TABLE it_one (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40))");
        execute("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY)");
        execute("INSERT INTO schema_migrations (version) VALUES ('001')");
        execute("CREATE TABLE it_out_of_band (id INT)");
        runner.withPropertyValues("management.endpoint.matey.access=UNRESTRICTED", "matey.on-drift=warn").run(context -> {
            WebEndpointResponse<TargetReport> response = context.getBean(MateyEndpoint.class).migrate("db", "core");
            assertThat(response.getStatus()).isEqualTo(409);
            TargetReport refused = response.getBody();
            assertThat(refused.reason()).isEqualTo("database-drifted");
            assertThat(refused.drift()).isEqualTo("drifted");
            assertThat(refused.pending()).containsExactly("migrations/002_two.sql");
            assertThat(refused.diff()).contains("it_out_of_band");
            assertThat(output).contains("Matey target 'db/core' (sqlite3:" + dir.resolve("app.sqlite3") + "): migration "
                    + "through the matey endpoint refused, nothing was run (reason: database-drifted, HTTP 409)");
        });
    }

    /** Drift with nothing pending is found before anything runs, as over pending migrations: database-drifted. */
    @Test
    void aWriteWithNothingPendingOverDriftIsRefusedAsDrift(CapturedOutput output) {
        runner.withPropertyValues("management.endpoint.matey.access=UNRESTRICTED", "matey.on-drift=warn").run(context -> {
            MateyEndpoint endpoint = context.getBean(MateyEndpoint.class);
            assertThat(endpoint.migrate("db", "core").getStatus()).isEqualTo(200);
            execute("CREATE TABLE it_out_of_band (id INT)");
            WebEndpointResponse<TargetReport> response = endpoint.migrate("db", "core");
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getBody().reason()).isEqualTo("database-drifted");
            assertThat(response.getBody().pending()).isEmpty();
            assertThat(output).contains("refused, nothing was run (reason: database-drifted, HTTP 409)");
        });
    }

    /**
     * A database from before Matey while the application runs (started without a check): the endpoint and health
     * report it as start-up does, database-not-empty with the ways to adopt it, not as drift at index 0.
     */
    @Test
    void aDatabaseThatPredatesMateyIsReportedAsStartUpReportsIt() throws Exception {
        execute("CREATE TABLE it_one (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40))");
        runner.withPropertyValues("matey.verify-on-startup=false").run(context -> {
            TargetReport read = context.getBean(MateyEndpoint.class).target("db", "core").getBody();
            assertThat(read.reason()).isEqualTo("database-not-empty");
            assertThat(read.drift()).isEqualTo("unchecked");
            assertThat(read.error()).startsWith("Matey's check (GET /actuator/matey/db/core) refused: sqlite3:"
                    + dir.resolve("app.sqlite3") + " holds schema objects but records no migrations: it predates Matey.")
                    .contains("matey.adopt-on-startup=true", "`matey --workspace ", " db adopt --path db/core --url "
                            + "'sqlite3:" + dir.resolve("app.sqlite3") + "'` (a dry run)");
            assertThat(context.getBean(MateyEndpoint.class).targets().targets()).singleElement()
                    .satisfies(listed -> assertThat(listed.error()).startsWith("Matey's check (GET /actuator/matey) refused:"));
            assertThat(status(context)).isEqualTo("DOWN");
            assertThat(health(context).getDetails().get("db/core")).asInstanceOf(MAP)
                    .containsEntry("reason", "database-not-empty").doesNotContainEntry("drift", "drifted");
        });
    }

    /** A check the database fails while the application runs names the endpoint's read, not a CLI command. */
    @Test
    void aReadTheDatabaseFailsIsInTheApplicationsWords() throws Exception {
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> {
            Files.writeString(dir.resolve("app.sqlite3"), "not a database ".repeat(100));
            TargetReport read = context.getBean(MateyEndpoint.class).target("db", "core").getBody();
            assertThat(read.failed()).isTrue();
            assertThat(read.error()).startsWith("Matey's check (GET /actuator/matey/db/core) failed");
        });
    }

    @Test
    void theDriftLogLinePointsAtTheExposedEndpoint(CapturedOutput output) throws Exception {
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(context).hasNotFailed());
        execute("CREATE TABLE it_out_of_band (id INT)");
        runner.withPropertyValues("matey.on-drift=warn").run(context -> assertThat(output)
                .contains("has drifted from the committed schema at index 2; the diff is at /actuator/matey/db/core\n"));
    }

    /**
     * A rolling deploy: a newer release applied a later version. This older instance is UP (status ahead) while
     * matey.on-ahead=warn, and its endpoint counts every recorded version; with fail it is drift again.
     */
    @Test
    void aDatabaseANewerReleaseMigratedIsUpWithStatusAhead() throws Exception {
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(context).hasNotFailed());
        execute("CREATE TABLE it_three (id INT)");
        execute("INSERT INTO schema_migrations (version) VALUES ('003')");
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> {
            assertThat(status(context)).isEqualTo("UP");
            assertThat(health(context).getDetails().get("db/core")).asInstanceOf(MAP).containsEntry("status", "ahead")
                    .containsEntry("drift", "ahead").containsEntry("applied", 3).containsEntry("head", 2);
            TargetReport report = context.getBean(MateyEndpoint.class).target("db", "core").getBody();
            assertThat(report.applied()).isEqualTo(3);
            assertThat(report.aheadVersions()).containsExactly("003");
            assertThat(report.unknownVersions()).containsExactly("003");
        });
        runner.withPropertyValues("matey.on-ahead=fail", "matey.on-drift=warn").run(context -> {
            assertThat(status(context)).isEqualTo("DRIFT");
            assertThat(health(context).getDetails().get("db/core")).asInstanceOf(MAP).doesNotContainKey("status");
        });
    }

    @Test
    void healthIsUpWhenCleanWithPendingAsConfiguredAndDownOnDrift() throws Exception {
        runner.run(context -> {
            assertThat(status(context)).isEqualTo("UP");
            Map<String, Object> details = health(context).getDetails();
            assertThat(details).containsKey("db/core");
            assertThat(details.get("db/core")).asInstanceOf(MAP).containsEntry("pending", 2);
        });
        runner.withPropertyValues("matey.health.pending-status=OUT_OF_SERVICE")
                .run(context -> assertThat(status(context)).isEqualTo("OUT_OF_SERVICE"));
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(status(context))
                .isEqualTo("UP"));
        execute("CREATE TABLE it_later (id INT)");
        runner.withPropertyValues("matey.on-drift=warn").run(context -> {
            assertThat(status(context)).as("warn keeps the application ready").isEqualTo("DRIFT");
            assertThat(health(context).getDetails().get("db/core")).as("the diff only on the endpoint")
                    .isEqualTo(Map.of("drift", "drifted", "connection", "sqlite3:" + dir.resolve("app.sqlite3"),
                            "artifacts", "clean", "applied", 2, "head", 2, "pending", 0,
                            "endpoint", "/actuator/matey/db/core"));
            assertThat(context.getBean(MateyEndpoint.class).target("db", "core").getBody().diff()).contains("it_later");
        });
        runner.withPropertyValues("matey.on-drift=warn", "matey.health.drift-status=OUT_OF_SERVICE")
                .run(context -> assertThat(status(context)).isEqualTo("OUT_OF_SERVICE"));
    }

    @Test
    void aMigrationMergedOutOfOrderIsDivergedInTheEndpointAndHealthWithItsFix() throws Exception {
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(context).hasNotFailed());
        execute("DELETE FROM schema_migrations WHERE version = '001'");
        runner.withPropertyValues("matey.on-drift=warn").run(context -> {
            assertThat(status(context)).isEqualTo("DRIFT");
            assertThat(health(context).getDetails().get("db/core")).asInstanceOf(MAP).containsEntry("drift", "diverged");
            TargetReport read = context.getBean(MateyEndpoint.class).target("db", "core").getBody();
            assertThat(read.drift()).isEqualTo("diverged");
            assertThat(read.problem()).startsWith("migration migrations/001_one.sql is older than the last applied one")
                    .as("the renames are the fix's alone").doesNotContain("`mv ");
            assertThat(read.fix()).matches("Give it a later timestamp, then replay the artifacts: `mv "
                    + "db/core/migrations/001_one.sql db/core/migrations/\\d{14}_one.sql`, then `matey schema apply "
                    + "--path db/core`");
            assertThat(read.diff()).isNull();
        });
    }

    /**
     * The application maps the actuator elsewhere: every message and detail that points at the endpoint names the
     * path it is served at, as Boot maps it (the management server's base path only on its own port).
     */
    @Test
    void pointersAtTheEndpointFollowTheApplicationsActuatorPaths(CapturedOutput output) throws Exception {
        execute("CREATE TABLE it_one (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40))");
        ApplicationContextRunner mapped = runner.withPropertyValues("management.endpoints.web.base-path=/manage",
                "management.endpoints.web.path-mapping.matey=schema", "management.server.base-path=/ops");
        mapped.withPropertyValues("matey.verify-on-startup=false").run(context -> {
            MateyEndpoint endpoint = context.getBean(MateyEndpoint.class);
            assertThat(endpoint.target("db", "core").getBody().error())
                    .startsWith("Matey's check (GET /manage/schema/db/core) refused:");
            assertThat(endpoint.targets().targets()).singleElement().satisfies(listed -> assertThat(listed.error())
                    .startsWith("Matey's check (GET /manage/schema) refused:"));
        });
        execute("DROP TABLE it_one");
        mapped.run(context -> assertThat(health(context).getDetails().get("db/core")).asInstanceOf(MAP)
                .containsEntry("endpoint", "/manage/schema/db/core"));
        mapped.withPropertyValues("management.server.port=9090").run(context -> assertThat(health(context)
                .getDetails().get("db/core")).asInstanceOf(MAP).containsEntry("endpoint", "/ops/manage/schema/db/core"));
        mapped.withPropertyValues("matey.migrate-on-startup=true").run(context -> {
            assertThat(context).hasNotFailed();
            execute("CREATE TABLE it_out_of_band (id INT)");
            context.getBean(MateyEndpoint.class).target("db", "core");
            assertThat(output).contains("is drifted at index 2 since its previous check; health reports it, and the "
                    + "diff is at /manage/schema/db/core");
        });
        mapped.withPropertyValues("matey.on-drift=warn").run(context -> assertThat(output)
                .contains("has drifted from the committed schema at index 2; the diff is at /manage/schema/db/core\n"));
        FilteredClassLoader withoutSecurity = new FilteredClassLoader("org.springframework.security");
        mapped.withClassLoader(withoutSecurity).withPropertyValues("management.endpoint.matey.access=UNRESTRICTED",
                "matey.on-drift=warn").run(context -> assertThat(output)
                        .contains("Matey's write operation (POST /manage/schema/db/core) is open to anyone"));
    }

    /** Health exposed without the endpoint: its details give the command, as the start-up log line does. */
    @Test
    void healthPointsAtTheDriftCommandWhenTheEndpointIsNotExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=health").run(context -> {
            assertThat(context).doesNotHaveBean(MateyEndpoint.class);
            assertThat(health(context).getDetails().get("db/core")).asInstanceOf(MAP).containsEntry("command",
                    "matey --workspace " + dir.resolve("ws") + " db drift --path db/core --url 'sqlite3:"
                            + dir.resolve("app.sqlite3") + "'");
        });
    }

    @Test
    void healthIsUnknownBeforeAnyCheckAndCanBeSwitchedOff() {
        runner.withPropertyValues("matey.verify-on-startup=false").run(context -> assertThat(status(context))
                .isEqualTo("UNKNOWN"));
        runner.withPropertyValues("management.health.matey.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MateyHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(BootLine.HEALTH_PACKAGES))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyHealthIndicator.class));
    }

    @Test
    void gaugesFollowTheLatestCheck() throws Exception {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, SimpleMeterRegistry.class))
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class,
                        MateyMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MateyMetrics.class));
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("matey.migrations.pending").tag("target", "db/core").gauge().value()).isEqualTo(2);
            assertThat(registry.get("matey.drift").tag("target", "db/core").gauge().value()).isZero();
        });
        // Drift needs recorded versions: tables without any are a database from before Matey, which is not checked.
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("matey.drift").tag("target", "db/core").gauge().value()).isZero();
            execute("CREATE TABLE it_later (id INT)");
            context.getBean(MateyEndpoint.class).targets();
            assertThat(registry.get("matey.drift").tag("target", "db/core").gauge().value()).isEqualTo(1);
        });
    }

    /** The line's {@code Health} (Boot 4 and 3.5 differ in package, not in these methods). */
    static HealthView health(AssertableApplicationContext context) {
        var health = context.getBean(MateyHealthIndicator.class).health();
        return new HealthView(health.getStatus().getCode(), health.getDetails());
    }

    static String status(AssertableApplicationContext context) {
        return health(context).status();
    }

    record HealthView(String status, Map<String, Object> details) {
        Map<String, Object> getDetails() {
            return details;
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
