package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Checks while the application runs: bounded when the database is gone (the pool would wait its whole
 * connection timeout), and repeated in the background so that later drift shows without a read of the endpoint.
 */
@ExtendWith(OutputCaptureExtension.class)
class MateyRunningChecksTest {

    @TempDir
    Path dir;

    @Test
    void aReportAnswersWithinTheCheckTimeoutWhenTheDatabaseIsGone() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir.resolve("ws"), "postgres");
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.apply();
        TestDatabase db = TestDatabase.create("postgres");
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + Databases.jdbcUrl(db),
                        "spring.datasource.username=" + db.url().user(), "matey.workspace=" + ws.root(),
                        "matey.migrate-on-startup=true", "matey.check-timeout=1s",
                        "spring.datasource.hikari.connection-timeout=30000")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ManagedTarget target = context.getBean(MateyTargets.class).all().get(0);
                    dropForcibly(db);
                    // Past Hikari's 500 ms without validation, so that the pool finds its connections dead and waits
                    Thread.sleep(1000);

                    long started = System.nanoTime();
                    TargetReport report = context.getBean(MateyChecker.class).report(target, ApplicationWork.RECHECK);
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(took).as("bounded by matey.check-timeout, not the pool's 30 s").isLessThan(Duration.ofSeconds(10));
                    assertThat(report.failed()).isTrue();
                    assertThat(report.error()).startsWith("Matey's periodic check (matey.health.recheck-interval) failed: "
                            + "no answer from ").contains("matey.check-timeout").doesNotContain("jdbc:");
                    assertThat(report.reason()).isEqualTo("database-unavailable");
                    assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().failed()).isTrue();

                    long again = System.nanoTime();
                    context.getBean(MateyChecker.class).report(target, ApplicationWork.RECHECK);
                    assertThat(Duration.ofNanos(System.nanoTime() - again)).as("the waiting check is not started twice")
                            .isLessThan(Duration.ofSeconds(10));
                });
    }

    @Test
    void theRecheckIntervalBringsLaterDriftIntoTheReportsAndLogsEachChangeOnce(CapturedOutput output) throws Exception {
        SqliteWorkspace workspace = new SqliteWorkspace(dir);
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues(workspace.properties("matey.migrate-on-startup=true", "matey.on-drift=warn",
                        "matey.health.recheck-interval=200ms"))
                .run(context -> {
                    assertThat(context).hasSingleBean(MateyRecheck.class);
                    MateyReports reports = context.getBean(MateyReports.class);
                    assertThat(reports.find("db/core").orElseThrow().drifted()).isFalse();
                    workspace.execute("CREATE TABLE it_later (id INT)");
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (!reports.find("db/core").orElseThrow().drifted() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertThat(reports.find("db/core").orElseThrow().drifted()).as("re-checked without a read").isTrue();
                    awaitChecks(reports, 2);
                    assertThat(output.getOut()).containsOnlyOnce("Matey target 'db/core' (sqlite3:" + workspace.database
                            + ") is drifted at index 2 since its previous check; health reports it; see the diff with "
                            + "matey --workspace " + workspace.root() + " db drift --path db/core --url 'sqlite3:"
                            + workspace.database + "'");
                    workspace.execute("DROP TABLE it_later");
                    while (reports.find("db/core").orElseThrow().drifted() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    awaitChecks(reports, 2);
                    assertThat(output.getOut()).containsOnlyOnce("Matey target 'db/core' (sqlite3:" + workspace.database
                            + ") no longer differs from the committed schema (index 2)")
                            .containsOnlyOnce("since its previous check");
                });
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues(workspace.properties("matey.on-drift=warn"))
                .run(context -> assertThat(context).doesNotHaveBean(MateyRecheck.class));
    }

    /**
     * A missing database (deleted under the application, say): the check's error, which the endpoint and health
     * show too, gives the command that creates it as it runs pasted, with the target's path and URL
     * (matey.migrate-on-startup creates no database).
     */
    @Test
    void aMissingDatabaseIsReportedWithTheCommandThatCreatesIt() throws Exception {
        SqliteWorkspace workspace = new SqliteWorkspace(dir);
        Path database = dir.resolve("own.sqlite3");
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues(workspace.properties("matey.targets.[db/core].url=sqlite3:" + database))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("`matey --workspace "
                            + workspace.root() + " db up --path db/core --url 'sqlite3:" + database + "'` (or `db "
                            + "bootstrap`) creates it; matey.migrate-on-startup never does.");
                });
    }

    /**
     * A database from before Matey under a running application (started without a check): the re-check reports it
     * as start-up does, database-not-empty rather than drift, in the re-check's words.
     */
    @Test
    void theRecheckReportsADatabaseThatPredatesMateyAsStartUpDoes() throws Exception {
        SqliteWorkspace workspace = new SqliteWorkspace(dir);
        workspace.execute("CREATE TABLE it_before_matey (id INT)");
        new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues(workspace.properties("matey.verify-on-startup=false",
                        "matey.health.recheck-interval=100ms"))
                .run(context -> {
                    MateyReports reports = context.getBean(MateyReports.class);
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (reports.find("db/core").isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    TargetReport report = reports.find("db/core").orElseThrow();
                    assertThat(report.reason()).isEqualTo("database-not-empty");
                    assertThat(report.drifted()).isFalse();
                    assertThat(report.error()).startsWith("Matey's periodic check (matey.health.recheck-interval) "
                            + "refused: sqlite3:" + workspace.database + " holds schema objects but records no migrations");
                });
    }

    /**
     * A database that becomes unreachable between checks, and comes back: health goes down and up again, and the
     * log says so once each way (masked URL, reason, what failed), not at every re-check.
     */
    @Test
    void aCheckThatStartsFailingIsLoggedOnceAndItsRecoveryOnce(CapturedOutput output) throws Exception {
        SqliteWorkspace workspace = new SqliteWorkspace(dir);
        Path live = Files.createDirectories(dir.resolve("live"));
        Path gone = dir.resolve("gone");
        String url = "sqlite3:" + Files.createFile(live.resolve("app.sqlite3"));
        new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                .withPropertyValues("matey.workspace=" + workspace.root(), "matey.targets.[db/core].url=" + url,
                        "matey.migrate-on-startup=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MateyChecker checker = context.getBean(MateyChecker.class);
                    ManagedTarget target = context.getBean(MateyTargets.class).all().get(0);
                    assertThat(checker.report(target, ApplicationWork.RECHECK).failed()).isFalse();
                    Files.move(live, gone);
                    assertThat(checker.report(target, ApplicationWork.RECHECK).reason()).isEqualTo("invalid");
                    checker.report(target, ApplicationWork.RECHECK);
                    Files.move(gone, live);
                    assertThat(checker.report(target, ApplicationWork.RECHECK).failed()).isFalse();
                    checker.report(target, ApplicationWork.RECHECK);
                    String subject = "Matey target 'db/core' (" + url + ")";
                    assertThat(output.getOut()).containsOnlyOnce(subject + " cannot be checked (reason: invalid); "
                            + "health reports it until a check succeeds: No SQLite database " + live.resolve("app.sqlite3"))
                            .containsOnlyOnce(subject + " can be checked again: clean at index 2");
                    assertThat(output.getOut().lines().filter(line -> line.contains(subject + " cannot be checked"))
                            .findFirst().orElseThrow()).contains("WARN");
                });
    }

    /** Waits (within 20 s) for the background re-check to finish this many more checks. */
    private static void awaitChecks(MateyReports reports, int checks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int i = 0; i < checks; i++) {
            Instant last = reports.find("db/core").orElseThrow().checkedAt();
            while (reports.find("db/core").orElseThrow().checkedAt().equals(last) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    /** The database disappears under the application: its sessions are ended and it is dropped. */
    private static void dropForcibly(TestDatabase db) throws Exception {
        try (Connection admin = db.engine().connect(db.engine().siblingUrl(db.url(), "postgres"));
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE \"" + db.url().path() + "\" WITH (FORCE)");
        }
    }
}
