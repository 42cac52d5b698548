package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationFailedException;
import io.matey.error.Reason;
import io.matey.spring.boot.autoconfigure.event.MateyCheckFinishedEvent;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** Drift, stale artifacts and unreachable databases during start-up, and the failure analyses that explain them. */
@ExtendWith(OutputCaptureExtension.class)
class MateyStartupFailureTest {

    @TempDir
    Path dir;

    SqliteWorkspace workspace;

    ApplicationContextRunner runner;

    @BeforeEach
    void migratedDatabase() throws Exception {
        workspace = new SqliteWorkspace(dir);
        runner = new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues(workspace.properties());
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void driftStopsTheStartUpWithADiffAndTheCommandToRun(CapturedOutput output) throws Exception {
        workspace.execute("CREATE TABLE it_out_of_band (id INT)");
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(output).as("the failure analysis shows the diff").contains("has drifted from the committed "
                    + "schema at index 2; the start-up fails (matey.on-drift=fail)\n").doesNotContain("see the diff");
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MateyDriftException.class);
            FailureAnalysis analysis = new MateyDriftFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Matey found drift during start-up.\n\nTarget 'db/core' (sqlite3:"
                    + workspace.database + ") differs from the committed schema at its applied index 2 of 2.")
                    .contains("--- schema.sql", "+++ live/schema.sql").containsPattern("\\+.*it_out_of_band");
            assertThat(analysis.getAction()).contains("matey --workspace " + workspace.root() + " db drift --path db/core "
                    + "--url 'sqlite3:" + workspace.database + "'", "matey --workspace " + workspace.root()
                    + " db new keep_drift --from-drift --path db/core --url 'sqlite3:" + workspace.database + "'",
                    "matey --workspace " + workspace.root()
                    + " db adopt --path db/core --url 'sqlite3:" + workspace.database + "' --apply",
                    "review it, run `matey --workspace " + workspace.root() + " schema apply --path db/core` and commit",
                    "lines starting with '+' are in the live database only, '-' in the committed schema only",
                    "-- migrate:up\n    CREATE TABLE it_out_of_band (id INT);", "-- migrate:down\n    DROP TABLE it_out_of_band;",
                    "To start anyway and report the drift in the log and health, set matey.on-drift=warn")
                    .doesNotContain("jdbc:");
        });
    }

    @Test
    void driftAlsoStopsMigrateOnStartup() throws Exception {
        workspace.execute("CREATE TABLE it_out_of_band (id INT)");
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(context.getStartupFailure())
                .rootCause().isInstanceOf(MateyDriftException.class));
    }

    /** The hand change is what the pending migration does: nothing runs, and the analysis points at adopt. */
    @Test
    void driftStopsMigrateOnStartupBeforeAPendingMigrationRuns(CapturedOutput output) throws Exception {
        workspace.ws.migration("003_three.sql", "CREATE TABLE it_three (id INT);", "DROP TABLE it_three;");
        workspace.ws.apply();
        workspace.execute("CREATE TABLE it_three (id INT)");
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> {
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MateyDriftException.class);
            FailureAnalysis analysis = new MateyDriftFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("differs from the committed schema at its applied index 2 "
                    + "of 3. Its pending migration migrations/003_three.sql was not applied: it would run over the "
                    + "change.").containsPattern("\\+.*it_three");
            assertThat(analysis.getAction()).contains("then the pending migrations can run. When the change is what a "
                    + "pending migration does, record that migration without running it", "matey --workspace "
                    + workspace.root() + " db adopt --path db/core --url 'sqlite3:" + workspace.database + "' --apply",
                    "(pending migrations are not applied over drift)").doesNotContain("Draft", "db new");
        });
        runner.withPropertyValues("matey.migrate-on-startup=true", "matey.on-drift=warn").run(context -> {
            assertThat(output).contains("has drifted from the committed schema at index 2, 1 migration(s) pending "
                    + "and not run over it: migrations/003_three.sql; see the diff with");
            assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().applied()).isEqualTo(2);
        });
    }

    /** A newer application migrated the database: its recorded versions are named, with what to do; no diff. */
    @Test
    void aDatabaseAheadOfTheApplicationNamesTheVersionsItLacks(CapturedOutput output) throws Exception {
        workspace.execute("INSERT INTO schema_migrations (version) VALUES ('003')");
        String subject = "'db/core' (sqlite3:" + workspace.database + ")";
        String ahead = subject + " records 1 version that this application has no migration for: 003. All 2 of its "
                + "migrations are applied: the database was migrated by a newer version of the application (or a "
                + "workspace with more migrations), so this application is older than its database.";
        String action = "Deploy the version of the application that has those migrations.";
        runner.withPropertyValues("matey.migrate-on-startup=true", "matey.on-ahead=fail").run(context -> {
            FailureAnalysis analysis = new MateyDriftFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Matey found a database ahead of this application during "
                    + "start-up.\n\nTarget " + ahead);
            assertThat(analysis.getAction()).contains(action, "`matey --workspace " + workspace.root() + " db status "
                    + "--path db/core --url 'sqlite3:" + workspace.database + "'` lists what the database records.",
                    "To start anyway without migrating it (health UP, status ahead), as older instances of a "
                    + "rolling deploy do, set matey.on-ahead=warn.",
                    "To start anyway and report the database ahead of the application in the log and health")
                    .doesNotContain("db drift", "difference", "report the drift");
        });
        runner.withPropertyValues("matey.on-ahead=fail", "matey.on-drift=warn").run(context -> {
            TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
            assertThat(report.drift()).isEqualTo(TargetReport.AHEAD);
            assertThat(report.unknownVersions()).containsExactly("003");
            assertThat(report.healthy()).isFalse();
            assertThat(output).contains("Matey target " + ahead + " " + action);
        });
    }

    /**
     * A rolling deploy's older instance: a newer release applied a later version. By default it starts, warning
     * once with the later versions, migrating nothing.
     */
    @Test
    void aDatabaseANewerReleaseMigratedStartsWithOneWarning(CapturedOutput output) throws Exception {
        workspace.execute("CREATE TABLE it_three (id INT)");
        workspace.execute("INSERT INTO schema_migrations (version) VALUES ('003')");
        runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> {
            assertThat(context).hasNotFailed();
            TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
            assertThat(report.drift()).isEqualTo(TargetReport.AHEAD);
            assertThat(report.aheadVersions()).containsExactly("003");
            assertThat(report.applied()).as("every recorded version, as schema_migrations holds them").isEqualTo(3);
        });
        assertThat(output.getOut().split("later version", -1)).as("one warning").hasSize(2);
        assertThat(output).contains("Matey target 'db/core' (sqlite3:" + workspace.database + ") records 1 later "
                + "version(s) a newer release applied after all 2 of this application's migrations: 003. Starting "
                + "without migrating it or verifying its schema").doesNotContain("Deploy the version");
    }

    /** A version the application lacks among its own migrations is a diverged history, not a newer release's. */
    @Test
    void aDatabaseAheadByAnEarlierVersionStillStopsTheStartUp() throws Exception {
        workspace.execute("INSERT INTO schema_migrations (version) VALUES ('0015')");
        runner.run(context -> {
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MateyDriftException.class);
            MateyDriftException drift = (MateyDriftException) org.springframework.core.NestedExceptionUtils
                    .getMostSpecificCause(context.getStartupFailure());
            assertThat(drift.getReports().get(0).aheadVersions()).isNull();
            assertThat(new MateyDriftFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                    .doesNotContain("matey.on-ahead");
        });
    }

    @Test
    void aMigrationMergedOutOfOrderIsDivergedAndTheActionRenamesIt(CapturedOutput output) throws Exception {
        workspace.execute("DELETE FROM schema_migrations WHERE version = '001'");
        runner.run(context -> {
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MateyDriftException.class);
            FailureAnalysis analysis = new MateyDriftFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Target 'db/core' (sqlite3:" + workspace.database
                    + ") is diverged at its applied index 0 of 2: migration migrations/001_one.sql is older than the "
                    + "last applied one (version 002) and not applied").doesNotContain("+++ live/schema.sql");
            assertThat(analysis.getAction()).containsPattern("Give it a later timestamp, then replay the artifacts: "
                    + "`mv db/core/migrations/001_one.sql db/core/migrations/\\d{14}_one.sql`, then `matey schema "
                    + "apply --path db/core`\\.")
                    .doesNotContain("Check out the migrations", "db adopt");
            assertThat((analysis.getDescription() + analysis.getAction()).split("`mv ", -1))
                    .as("the renames are advised once, in the action").hasSize(2);
        });
        runner.withPropertyValues("matey.on-drift=warn").run(context -> {
            assertThat(context).hasNotFailed();
            TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
            assertThat(report.drift()).as("as `matey db drift` says it").isEqualTo(TargetReport.DIVERGED);
            assertThat(report.fix()).startsWith("Give it a later timestamp");
            assertThat(report.diff()).as("no committed state is expected").isNull();
            assertThat(report.healthy()).isFalse();
            assertThat(output).contains("Matey target 'db/core' (sqlite3:" + workspace.database + ") is diverged at "
                    + "index 0: migration migrations/001_one.sql is older than the last applied one");
            assertThat(output.getOut().split("`mv ", -1)).as("each start-up's log gives the renames once")
                    .hasSameSizeAs(output.getOut().split("is diverged at index 0:", -1));
        });
    }

    @Test
    void withWarnTheApplicationStartsAndReportsTheDrift(CapturedOutput output) throws Exception {
        workspace.execute("CREATE TABLE it_out_of_band (id INT)");
        runner.withPropertyValues("matey.on-drift=warn").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("has drifted from the committed schema at index 2; see the diff with matey "
                    + "--workspace " + workspace.root() + " db drift --path db/core --url 'sqlite3:" + workspace.database
                    + "'\n");
            TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
            assertThat(report.drifted()).isTrue();
            assertThat(report.diff()).contains("it_out_of_band");
            assertThat(report.healthy()).isFalse();
        });
    }

    @Test
    void staleArtifactsStopTheStartUpWithTheApplyCommand() {
        workspace.ws.write("db/core/migrations/002_two.sql", workspace.ws.read("db/core/migrations/002_two.sql") + "-- x\n");
        runner.run(context -> {
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MateyStaleArtifactsException.class);
            FailureAnalysis analysis = new MateyStaleArtifactsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Target 'db/core' (sqlite3:" + workspace.database + "):",
                    "    - coherence-migration-digest-mismatch@migrations/002_two.sql");
            assertThat(analysis.getAction()).startsWith("Regenerate the artifacts in the workspace, commit them and "
                    + "start the application again:").contains("matey --workspace " + workspace.root()
                    + " schema apply --path db/core");
            Throwable stale = context.getStartupFailure();
            while (stale.getCause() != null) {
                stale = stale.getCause();
            }
            assertThat(new MateyStaleArtifactsFailureAnalyzer().analyze(new MateyStaleArtifactsException(
                    ((MateyStaleArtifactsException) stale).getReports(), "classpath:db/matey")).getAction())
                    .as("a packaged workspace").startsWith("Regenerate the artifacts in the workspace, commit them "
                            + "and rebuild the application:");
        });
        runner.withPropertyValues("matey.on-drift=warn").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().stale()).isTrue();
        });
    }

    @Test
    void anUnreachableDatabaseFailsWithoutItsPassword() {
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + workspace.root(), "matey.targets.[db/core].url="
                        + "postgres://matey:s3cret-pw@127.0.0.1:1/live?connect_timeout=2")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("postgres://matey:****@127.0.0.1:1/live")
                            .doesNotContain("s3cret-pw");
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("****")
                            .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("s3cret-pw"));
                });
    }

    /** A DataSource does not say where it points when it cannot connect: the error names its (masked) URL. */
    @Test
    void aDataSourceThatCannotConnectIsNamedWithItsUrlAndNoDatabaseIsCreated() {
        String jdbcUrl = "jdbc:sqlite:" + dir.resolve("missing-dir/app.sqlite3");
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + workspace.root(), "spring.datasource.url=" + jdbcUrl,
                        "matey.migrate-on-startup=true")
                .run(context -> {
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                            .withProperty("matey.workspace", workspace.root().toString())).analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("Matey could not reach a database during start-up "
                            + "(reason: database-unavailable):\n\nCannot connect to the DataSource of Matey target "
                            + "'db/core' (sqlite3:" + dir.resolve("missing-dir/app.sqlite3") + "): ");
                    assertThat(analysis.getAction()).startsWith("The directory " + dir.resolve("missing-dir") + ", where "
                            + "target 'db/core' has its SQLite file, does not exist: create it, or correct the path in "
                            + "the application's DataSource (spring.datasource.url, .username and .password). Matey "
                            + "creates no directory").doesNotContain("<target>", "which does");
                });
    }

    /**
     * A DataSource with a password that cannot connect: named by its Matey URL with the password masked, and the
     * command to create the database says where the password goes without showing it.
     */
    @Test
    void anUnreachableDataSourcesCommandSaysWhereItsPasswordGoes() {
        TestWorkspace postgres = new TestWorkspace(dir.resolve("pg"), "postgres");
        postgres.apply();
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + postgres.root(),
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/live?connectTimeout=2",
                        "spring.datasource.username=matey_app", "spring.datasource.password=s3cret-pw")
                .run(context -> {
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                            .withProperty("matey.workspace", postgres.root().toString())).analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Cannot connect to the DataSource of Matey target "
                            + "'db/core' (postgres://matey_app:****@127.0.0.1:1/live?connect_timeout=2): ")
                            .doesNotContain("s3cret-pw", "jdbc:");
                    assertThat(analysis.getAction()).contains("db up --path db/core --url "
                            + "'postgres://matey_app:<password>@127.0.0.1:1/live?connect_timeout=2'")
                            .doesNotContain("s3cret-pw");
                });
    }

    /** A DataSource the server refuses: in the database's words, without MariaDB Connector/J's {@code (conn=N)}. */
    /**
     * A migrating start-up on a MariaDB database whose default character set is not the replay's, which the lock
     * records: refused before any migration runs, by the same core check as {@code db up} (docs/architecture.md §7).
     */
    @Test
    void aDatabaseOfOtherDefaultsThanTheReplaysStopsMigrateOnStartupBeforeAnythingRuns() throws Exception {
        TestWorkspace mysql = new TestWorkspace(dir.resolve("mysql"), "mysql");
        mysql.migration("001_one.sql", mysql.createTable("it_one"), "DROP TABLE it_one;");
        mysql.apply();
        try (TestDatabase db = TestDatabase.create("mysql")) {
            db.execute("ALTER DATABASE `" + db.url().path() + "` CHARACTER SET latin1");
            new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                    .withPropertyValues("matey.workspace=" + mysql.root(), "matey.migrate-on-startup=true",
                            "spring.datasource.url=" + Databases.jdbcUrl(db))
                    .run(context -> assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("refused before running anything on mysql://")
                            .hasMessageContaining("replayed on MariaDB 10.11 in a database of default character set "
                                    + "utf8mb4 and collation utf8mb4_general_ci, but this database's are latin1 and "
                                    + "latin1_swedish_ci")
                            .hasMessageContaining("`ALTER DATABASE `" + db.url().path() + "` CHARACTER SET utf8mb4 "
                                    + "COLLATE utf8mb4_general_ci;`"));
            assertThat(db.firstColumn("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE()")).isEmpty();
        }
    }

    @Test
    void aDataSourceWhoseLoginIsRefusedIsToldInTheDatabasesWords() throws Exception {
        TestWorkspace mysql = new TestWorkspace(dir.resolve("mysql"), "mysql");
        mysql.migration("001_one.sql", mysql.createTable("it_one"), "DROP TABLE it_one;");
        mysql.apply();
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + mysql.root(),
                        "spring.datasource.url=" + Databases.jdbcUrl(TestDatabase.unborn("mysql")),
                        "spring.datasource.username=matey_nobody", "spring.datasource.password=s3cret-pw")
                .run(context -> {
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                            .withProperty("matey.workspace", mysql.root().toString())).analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("Cannot connect to the DataSource of Matey target 'db/core' (mysql://matey_nobody:****@",
                                    "Access denied for user 'matey_nobody'")
                            .doesNotContain("(conn=", "s3cret-pw", "Target 'db/core': ", "jdbc:");
                    assertThat(analysis.getAction()).startsWith("Check the user and password that target 'db/core' "
                            + "connects with (mysql://matey_nobody:****@").doesNotContain("jdbc:").contains("they come from the application's DataSource "
                            + "(spring.datasource.url, .username and .password).").doesNotContain("create it", "db up");
                });
        // A target's URL: the description names the target, the action its masked URL and where it was given.
        MateyUrl server = TestDatabase.unborn("mysql").url();
        String url = "mysql://matey_nobody:s3cret-pw@" + server.host() + ":" + server.port() + "/" + server.path();
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + mysql.root(), "matey.targets.[db/core].url=" + url)
                .run(context -> {
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                            .withProperty("matey.workspace", mysql.root().toString())).analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Target 'db/core': ", "refused the login")
                            .doesNotContain("s3cret-pw");
                    assertThat(analysis.getAction()).startsWith("Check the user and password that target 'db/core' "
                            + "connects with (mysql://matey_nobody:****@").contains("they come from matey.targets.[db/core].url.")
                            .doesNotContain("create it", "db up", "s3cret-pw");
                });
    }

    /**
     * Credentials a {@link MateyConnectionDetails} bean supplied: the refused login names that bean, not
     * spring.datasource.* that played no part.
     */
    @Test
    void aRefusedLoginNamesTheConnectionDetailsBeanThatSuppliedIt() throws Exception {
        TestWorkspace mysql = new TestWorkspace(dir.resolve("mysql"), "mysql");
        mysql.migration("001_one.sql", mysql.createTable("it_one"), "DROP TABLE it_one;");
        mysql.apply();
        String jdbcUrl = Databases.jdbcUrl(TestDatabase.unborn("mysql"));
        // The application's own DataSource, which the details take precedence over, as in a Docker Compose setup.
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + mysql.root(), "spring.datasource.url=" + jdbcUrl)
                .withBean(MateyConnectionDetails.class, () -> new RefusedDetails(jdbcUrl))
                .run(context -> {
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                            .withProperty("matey.workspace", mysql.root().toString())).analyze(context.getStartupFailure());
                    assertThat(analysis.getAction()).contains("they come from the MateyConnectionDetails bean ("
                            + RefusedDetails.class.getName() + ").").doesNotContain("spring.datasource", "s3cret-pw");
                });
    }

    /** Connection details with a user the server does not know. */
    private record RefusedDetails(String getJdbcUrl) implements MateyConnectionDetails {

        @Override
        public String getUsername() {
            return "matey_nobody";
        }

        @Override
        public String getPassword() {
            return "s3cret-pw";
        }
    }

    /** A primary target the workspace lacks: the action lists the targets to choose from, not a command. */
    @Test
    void anUnknownPrimaryTargetIsAnsweredWithTheWorkspacesTargets() {
        runner.withPropertyValues("matey.primary-target=db/nope").run(context -> {
            FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Matey target 'db/nope' is not in the workspace");
            assertThat(analysis.getAction()).isEqualTo("Set matey.primary-target to one of the workspace's targets: "
                    + "'db/core'. " + FailureText.DISABLE);
        });
    }

    /** Boot creates failure analyzers as this does (its FailureAnalyzers), with the application's environment. */
    @Test
    void bootCanCreateTheAnalyzers() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                SpringFactoriesLoader.ArgumentResolver.of(Environment.class, new MockEnvironment())
                        .and(BeanFactory.class, new DefaultListableBeanFactory()),
                // Boot skips analyzers it cannot create (others lack optional classes here), so would skip ours.
                (type, name, failure) -> { }))
                .hasAtLeastOneElementOfType(MateyFailureAnalyzer.class)
                .hasAtLeastOneElementOfType(MateyDriftFailureAnalyzer.class)
                .hasAtLeastOneElementOfType(MateyPendingMigrationsFailureAnalyzer.class);
    }

    /** Not the application's DataSource: the action names where the connection came from, the URL shows once. */
    @Test
    void anUnreachableTargetUrlIsNamedOnceAndTheActionPointsAtTheTargetsConnection() {
        TestWorkspace postgres = new TestWorkspace(dir.resolve("pg"), "postgres");
        postgres.apply();
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + postgres.root(), "matey.targets.[db/core].url="
                        + "postgres://matey:s3cret-pw@127.0.0.1:1/live?connect_timeout=2")
                .run(context -> {
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("Matey could not reach a database during start-up "
                            + "(reason: database-unavailable)").containsOnlyOnce("postgres://matey:****@127.0.0.1:1/live");
                    assertThat(analysis.getAction()).contains("the database of target 'db/core'",
                            "which comes from matey.targets.[db/core].url.",
                            "db up --path db/core --url 'postgres://matey:<password>@127.0.0.1:1/live?connect_timeout=2'")
                            .doesNotContain("named above", "application's connection", "<target>");
                });
    }

    /**
     * The third migration fails on the live database only (a row there conflicts with its insert), so the
     * artifacts are clean: the failure stops the start-up as it is, and no check runs to find out what it was.
     */
    @Test
    void aFailingMigrationStopsTheStartUpWithoutRunningACheck() throws Exception {
        workspace.execute("INSERT INTO it_one (id, name) VALUES (1, 'live')");
        workspace.ws.migration("003_three.sql", "INSERT INTO it_one (id, name) VALUES (1, 'x');",
                "DELETE FROM it_one WHERE id = 1;");
        workspace.ws.apply();
        List<TargetReport> checks = new CopyOnWriteArrayList<>();
        runner.withPropertyValues("matey.migrate-on-startup=true").withInitializer(recordingChecks(checks))
                .run(context -> {
                    FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                            .withProperty("matey.workspace", workspace.root().toString()))
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getCause()).isInstanceOf(MigrationFailedException.class);
                    assertThat(analysis.getDescription()).startsWith("A Matey migration failed during start-up "
                            + "(reason: migration-failed):\n\nMatey's start-up migration failed: migrations/003_three.sql:");
                    assertThat(analysis.getAction()).contains("`matey --workspace " + workspace.root()
                            + " db status --path db/core --url 'sqlite3:" + workspace.database
                            + "'` shows what is applied.");
                });
        assertThat(checks).as("checks run after the failed migration").isEmpty();
    }

    /** The database records no versions and has a table no migration makes: adoption is refused, not run over. */
    @Test
    void aRefusedAdoptionStopsTheStartUpSayingSoWithTheCommandToCompareAgain() throws Exception {
        workspace.execute("DELETE FROM schema_migrations");
        workspace.execute("CREATE TABLE it_out_of_band (id INT)");
        runner.withPropertyValues("matey.adopt-on-startup=true").run(context -> {
            FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                    .withProperty("matey.workspace", workspace.root().toString())).analyze(context.getStartupFailure());
            assertThat(analysis.getCause()).hasFieldOrPropertyWithValue("reason", Reason.ADOPTION_REFUSED);
            assertThat(analysis.getDescription()).startsWith("Matey refused to adopt a database during start-up "
                    + "(matey.adopt-on-startup) (reason: adoption-refused):\n\nMatey's start-up adoption refused: the "
                    + "schema of sqlite3:");
            assertThat(analysis.getAction()).contains("nothing was recorded", "`matey --workspace " + workspace.root()
                    + " db adopt --path db/core --url 'sqlite3:" + workspace.database + "'` compares them again")
                    .doesNotContain("<target>");
        });
    }

    @Test
    void pendingMigrationsAreLoggedWithTheWaysToApplyThem(CapturedOutput output) {
        workspace.ws.migration("003_three.sql", "CREATE TABLE it_three (id INT);", "DROP TABLE it_three;");
        workspace.ws.apply();
        runner.run(context -> assertThat(output).contains("1 migration(s) pending: migrations/003_three.sql",
                "; set matey.migrate-on-startup=true or run matey --workspace " + workspace.root()
                        + " db up --path db/core --url 'sqlite3:" + workspace.database + "'\n"));
    }

    /**
     * Tables without a recorded version (a database from before Matey) stop the start-up before anything runs or is
     * created, pointing at adoption both ways, whether it migrates or only verifies; with adopt-on-startup the same
     * database starts.
     */
    @Test
    void aDatabaseThatPredatesMateyIsRefusedUntilAdoptOnStartupAdoptsIt() throws Exception {
        workspace.execute("DROP TABLE schema_migrations");
        for (String migrate : List.of("true", "false")) {
            runner.withPropertyValues("matey.migrate-on-startup=" + migrate).run(context -> {
                FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
                assertThat(analysis.getCause()).hasFieldOrPropertyWithValue("reason", Reason.DATABASE_NOT_EMPTY);
                assertThat(analysis.getDescription()).as("migrate-on-startup=" + migrate)
                        .startsWith("Matey found a database that predates it during start-up (reason: database-not-empty):"
                        + "\n\nMatey's start-up " + (migrate.equals("true") ? "migration" : "check") + " refused: sqlite3:"
                        + workspace.database + " holds schema objects but records no migrations: it predates Matey.")
                        .contains(migrate.equals("true") ? "db adopt --path db/core" : " db adopt --path db/core --url "
                                + "'sqlite3:" + workspace.database + "'` (a dry run)");
                assertThat(analysis.getAction()).startsWith("Set matey.adopt-on-startup=true")
                        .contains("db adopt --path db/core --url 'sqlite3:" + workspace.database + "'` (a dry run)");
            });
        }
        try (Connection c = DriverManager.getConnection(workspace.jdbcUrl())) {
            assertThat(Engines.byId("sqlite").migrationTable().exists(c)).as("no schema_migrations left behind").isFalse();
        }
        runner.withPropertyValues("matey.adopt-on-startup=true").run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("matey.migrate-on-startup=true", "matey.adopt-on-startup=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    /**
     * A lock another holder keeps for the whole wait is an error as it is; the database is not checked. The holder
     * is another thread, which holds the lock file as another process would.
     */
    @Test
    void aLockTimeoutStopsTheStartUpWithoutRunningACheck() throws Exception {
        List<TargetReport> checks = new CopyOnWriteArrayList<>();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection holder = DriverManager.getConnection(workspace.jdbcUrl())) {
            Engine.MigrationLock held = other.submit(() -> Engines.byId("sqlite").lockMigrations(holder,
                    Duration.ofSeconds(5))).get(30, TimeUnit.SECONDS);
            runner.withPropertyValues("matey.migrate-on-startup=true", "matey.lock-timeout=100ms")
                    .withInitializer(recordingChecks(checks)).run(context -> {
                        FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
                        assertThat(analysis.getCause()).hasFieldOrPropertyWithValue("reason", Reason.LOCK_TIMEOUT);
                        assertThat(analysis.getDescription()).startsWith("Matey could not take the migration lock "
                                + "during start-up (reason: lock-timeout):\n\nMatey's start-up migration failed on sqlite3:");
                        assertThat(analysis.getAction()).as("the description's advice, not again")
                                .contains("end the lock's holder").doesNotContain("matey.lock-timeout");
                        assertThat(analysis.getDescription()).contains("raise the bound (matey.lock-timeout)")
                                .doesNotContain("--lock-timeout");
                    });
            other.submit(() -> {
                held.close();
                return null;
            }).get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdown();
        }
        assertThat(checks).as("checks run after the lock timeout").isEmpty();
    }

    /** Records the report of every check the application finishes. */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> recordingChecks(List<TargetReport> checks) {
        return context -> context.addApplicationListener((ApplicationListener<MateyCheckFinishedEvent>) event ->
                checks.add(event.getReport()));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
