package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.MateyTools;
import io.matey.engine.FileMutex;
import io.matey.engine.sqlite.SqliteEngine;
import io.matey.replay.ReplayOptions;
import io.matey.spring.boot.autoconfigure.event.MateyCheckFinishedEvent;
import io.matey.spring.boot.autoconfigure.event.MateyDriftDetectedEvent;
import io.matey.spring.boot.autoconfigure.event.MateyMigrationAppliedEvent;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

/**
 * Adoption at start-up, the migration strategy, Matey's application events, connection details and the lock
 * bound, on real databases (SQLite, PostgreSQL).
 */
@ExtendWith(OutputCaptureExtension.class)
class MateyStartupExtensionsTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(TestWorkspace ws, TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + Databases.jdbcUrl(db),
                        "spring.datasource.username=" + (db.url().user() == null ? "" : db.url().user()),
                        "matey.workspace=" + ws.root());
    }

    private static MateyConnectionDetails connectionTo(TestDatabase db) {
        return new MateyConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return Databases.jdbcUrl(db);
            }

            @Override
            public String getUsername() {
                return db.url().user();
            }
        };
    }

    private static TestWorkspace fiveMigrations(Path root, String engine) {
        TestWorkspace ws = new TestWorkspace(root, engine);
        String[] names = {"one", "two", "three", "four", "five"};
        for (int i = 1; i <= 5; i++) {
            ws.migration("00" + i + "_" + names[i - 1] + ".sql", ws.createTable("it_" + i), "DROP TABLE it_" + i + ";");
        }
        ws.apply();
        return ws;
    }

    @ParameterizedTest
    @EngineMatrix
    void aDatabaseBuiltByHandToEqualCheckpoint3Of5IsAdoptedAt3ThenMigratedTo5(String engine) throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), engine);
        try (TestDatabase db = TestDatabase.create(engine)) {
            for (int i = 1; i <= 3; i++) {
                db.execute(ws.createTable("it_" + i).replace(";", ""));
            }
            runner(ws, db).withUserConfiguration(Recorder.class)
                    .withPropertyValues("matey.adopt-on-startup=true", "matey.migrate-on-startup=true").run(context -> {
                        assertThat(context).hasNotFailed();
                        TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
                        assertThat(report.applied()).isEqualTo(5);
                        assertThat(report.drift()).isEqualTo("clean");
                        assertThat(context.getBean(Recorder.class).applied()).as("only 4 and 5 ran")
                                .containsExactly("migrations/004_four.sql", "migrations/005_five.sql");
                    });
        }
    }

    @Test
    void aDatabaseEqualToNoCheckpointStopsAdoptionWithTheClosestIndexAndItsDiff() throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), "sqlite");
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            db.execute(ws.createTable("it_1").replace(";", ""));
            db.execute("CREATE INDEX it_1_by_name ON it_1 (name)");
            runner(ws, db).withPropertyValues("matey.adopt-on-startup=true", "matey.migrate-on-startup=true")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).contains("Matey's start-up adoption refused",
                                "Closest: index 1 (checkpoints/001_one.sql)", "it_1_by_name", "nothing was recorded");
                    });
            try (Connection c = db.connect(); var rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("nothing recorded, nothing created").isZero();
            }
        }
    }

    @Test
    void aMigrationStrategyReplacesThePropertyDrivenWork(CapturedOutput output) throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), "sqlite");
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            runner(ws, db).withUserConfiguration(OnlyVerify.class).withPropertyValues("matey.migrate-on-startup=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(OnlyVerify.class).seen).containsExactly("db/core");
                        assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().applied())
                                .as("the strategy only verified").isZero();
                        assertThat(output).as("the property does not decide with a strategy").contains("5 migration(s) "
                                + "pending", "the application's MateyMigrationStrategy decides whether they run at "
                                + "start-up (matey.migrate-on-startup does not), or run matey --workspace ")
                                .doesNotContain("set matey.migrate-on-startup=true");
                    });
        }
    }

    @Test
    void eventsReportAppliedMigrationsDriftAndFinishedChecks() throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), "sqlite");
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            runner(ws, db).withUserConfiguration(Recorder.class).withPropertyValues("matey.migrate-on-startup=true")
                    .run(context -> {
                        Recorder recorder = context.getBean(Recorder.class);
                        assertThat(recorder.applied()).hasSize(5);
                        assertThat(recorder.events).filteredOn(MateyCheckFinishedEvent.class::isInstance).hasSize(1);
                        db.execute("CREATE TABLE it_later (id INT)");
                        context.getBean(MateyChecker.class).report(context.getBean(MateyTargets.class).all().get(0),
                                ApplicationWork.RECHECK);
                        assertThat(recorder.events).filteredOn(MateyDriftDetectedEvent.class::isInstance).singleElement()
                                .satisfies(e -> assertThat(((MateyDriftDetectedEvent) e).getReport().diff())
                                        .contains("it_later"));
                    });
        }
    }

    @Test
    void connectionDetailsServeThePrimaryTargetInsteadOfTheDataSource() throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), "postgres");
        try (TestDatabase app = TestDatabase.create("postgres"); TestDatabase own = TestDatabase.create("postgres")) {
            runner(ws, app).withBean(MateyConnectionDetails.class, () -> connectionTo(own)).withPropertyValues("matey.migrate-on-startup=true").run(context -> {
                assertThat(context).hasNotFailed();
                TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
                assertThat(report.connection()).endsWith("/" + own.url().path());
                assertThat(report.applied()).isEqualTo(5);
            });
            try (Connection c = app.connect(); var rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the application's own database is untouched").isZero();
            }
        }
    }

    /** Connection details switch Matey on by themselves, as Flyway's do: no DataSource is needed. */
    @Test
    void connectionDetailsAloneServeThePrimaryTarget() throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), "postgres");
        try (TestDatabase own = TestDatabase.create("postgres")) {
            new ApplicationContextRunner()
                    .withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                    .withPropertyValues("matey.workspace=" + ws.root(), "matey.migrate-on-startup=true")
                    .withBean(MateyConnectionDetails.class, () -> connectionTo(own)).run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(javax.sql.DataSource.class);
                        TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
                        assertThat(report.applied()).isEqualTo(5);
                    });
        }
    }

    @Test
    void aHeldMigrationLockIsLoggedAtOnceThenStopsMigrateOnStartupAfterMateyLockTimeoutNamingTheHolder(
            CapturedOutput output) throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), "postgres");
        try (TestDatabase db = TestDatabase.create("postgres"); Connection holder = db.connect()) {
            try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, 0x6d61746579L);
                ps.execute();
            }
            long started = System.nanoTime();
            runner(ws, db).withPropertyValues("matey.migrate-on-startup=true", "matey.lock-timeout=1s").run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("was not released within 1s",
                        "it is held by PostgreSQL backend", "raise the bound (matey.lock-timeout).")
                        .doesNotContain("--lock-timeout");
                assertThat(output).contains("Matey target 'db/core': waiting for the migration lock");
            });
            assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(60);
        }
    }

    /**
     * Two application contexts in one JVM (tests, parent and child contexts), each migrating its own target at
     * start-up while another process holds that database's migration lock: each logs its own wait, naming its target.
     */
    @Test
    void twoContextsInOneJvmEachLogTheirOwnLockWait(CapturedOutput output) throws Exception {
        TestWorkspace ws = fiveMigrations(dir.resolve("ws"), "sqlite");
        ws.write("matey.toml", "targets = [\"db/core\", \"db/reports\"]\n");
        ws.write("db/reports/config.toml", "engine = \"sqlite\"\nurl_env = \"DB_REPORTS_DATABASE_URL\"\n"
                + "test_url_env = \"DB_REPORTS_TEST_DATABASE_URL\"\n");
        try (Stream<Path> migrations = Files.list(ws.target().resolve("migrations"))) {
            for (Path migration : migrations.toList()) {
                ws.write("db/reports/migrations/" + migration.getFileName(), Files.readString(migration));
            }
        }
        new MateyTools(ws.matey()).schemaApply("db/reports", ReplayOptions.defaults(), line -> { });
        Path core = dir.toRealPath().resolve("core.sqlite3");
        Path reports = dir.toRealPath().resolve("reports.sqlite3");
        for (Path database : List.of(core, reports)) {
            DriverManager.getConnection("jdbc:sqlite:" + database).close(); // as the application's first connection
        }
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            Future<?> coreApp;
            Future<?> reportsApp;
            try (FileMutex coreLock = FileMutex.acquire(Path.of(core + SqliteEngine.LOCK_FILE_SUFFIX));
                    FileMutex reportsLock = FileMutex.acquire(Path.of(reports + SqliteEngine.LOCK_FILE_SUFFIX))) {
                coreApp = starts.submit(() -> migratingApp(ws, "db/core", core).run(context ->
                        assertThat(context).hasNotFailed()));
                reportsApp = starts.submit(() -> migratingApp(ws, "db/reports", reports).run(context ->
                        assertThat(context).hasNotFailed()));
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a bound on a silent wait
                while (!(waited(output, "db/core", core) && waited(output, "db/reports", reports))) {
                    assertThat(coreApp.isDone() || reportsApp.isDone()).as("an application started without waiting")
                            .isFalse();
                    assertThat(System.nanoTime()).as("the applications wait without a word: %s", output).isLessThan(giveUp);
                    Thread.sleep(20);
                }
            }
            coreApp.get(60, TimeUnit.SECONDS);
            reportsApp.get(60, TimeUnit.SECONDS);
        } finally {
            starts.shutdownNow();
        }
        assertThat(waited(output, "db/core", reports)).as("a wait logged under the other context's target").isFalse();
        assertThat(waited(output, "db/reports", core)).as("a wait logged under the other context's target").isFalse();
    }

    private static ApplicationContextRunner migratingApp(TestWorkspace ws, String target, Path database) {
        return new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + database, "matey.workspace=" + ws.root(),
                        "matey.primary-target=" + target, "matey.migrate-on-startup=true");
    }

    private static boolean waited(CapturedOutput output, String target, Path database) {
        return output.toString().contains("Matey target '" + target + "': waiting for the migration lock (the lock "
                + "file " + database + SqliteEngine.LOCK_FILE_SUFFIX + "), held by process ");
    }

    /** Records Matey's events; an ApplicationListener bean, so that it also hears those of the start-up. */
    static class Recorder implements ApplicationListener<ApplicationEvent> {

        final List<ApplicationEvent> events = new ArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event.getClass().getPackageName().startsWith("io.matey")) {
                events.add(event);
            }
        }

        List<String> applied() {
            return events.stream().filter(MateyMigrationAppliedEvent.class::isInstance)
                    .map(e -> ((MateyMigrationAppliedEvent) e).getMigration()).toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OnlyVerify {

        final List<String> seen = new ArrayList<>();

        @Bean
        MateyMigrationStrategy verifyOnly() {
            return (target, checker) -> {
                seen.add(target.name());
                return checker.verify(target);
            };
        }
    }
}
