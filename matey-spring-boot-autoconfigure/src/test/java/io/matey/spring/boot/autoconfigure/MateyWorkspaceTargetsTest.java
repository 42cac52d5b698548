package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The targets a workspace holds beside the ones the application checks, and targets fresh from {@code matey init}
 * (no migrations yet), on real SQLite files (docs/architecture.md §8).
 */
@ExtendWith(OutputCaptureExtension.class)
class MateyWorkspaceTargetsTest {

    @TempDir
    Path dir;

    SqliteWorkspace workspace;

    ApplicationContextRunner runner;

    @BeforeEach
    void workspace() throws Exception {
        workspace = new SqliteWorkspace(dir);
        runner = new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE,
                MateyAutoConfiguration.class));
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

    /** Core's refusal of files no tool should run names the application's work, not `db migrate`. */
    @Test
    void aRefusalOfTheMigrationFilesNamesTheStartUpMigration() {
        assertThat(ApplicationWording.START_UP.of("db migrate refuses the migrations of target 'db/core'; nothing ran"))
                .isEqualTo("Matey's start-up migration refuses the migrations of target 'db/core'; nothing ran");
    }
}
