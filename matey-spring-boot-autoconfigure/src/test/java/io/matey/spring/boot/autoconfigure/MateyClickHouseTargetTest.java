package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.live.FailingMutationRefusal;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** A ClickHouse target in a Boot application, on the ClickHouse test server: given its Matey URL, or the app's DataSource. */
class MateyClickHouseTargetTest {

    @TempDir
    Path dir;

    @Test
    void aClickHouseTargetGivenItsUrlMigratesOnStartupAndReportsHealthy() throws Exception {
        TestWorkspace ws = workspace();
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                    .withPropertyValues("matey.workspace=" + ws.root(), "matey.migrate-on-startup=true",
                            "matey.targets.[db/core].url=" + db.url().raw())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
                        assertThat(report.engine()).isEqualTo("clickhouse");
                        assertThat(report.applied()).isEqualTo(2);
                        assertThat(report.pending()).isEmpty();
                        assertThat(report.drift()).isEqualTo(TargetReport.CLEAN);
                        assertThat(report.healthy()).isTrue();
                        assertThat(report.connection()).isEqualTo(db.url().toString());
                        if (db.url().password() != null && !db.url().password().isEmpty()) {
                            assertThat(report.connection()).doesNotContain(":" + db.url().password() + "@");
                        }
                    });
        }
    }

    @Test
    void theApplicationsClickHouseDataSourceServesThePrimaryTarget() throws Exception {
        TestWorkspace ws = workspace();
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            MateyUrl url = db.url();
            new ApplicationContextRunner().withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                    .withPropertyValues("matey.workspace=" + ws.root(), "matey.migrate-on-startup=true",
                            "spring.datasource.url=jdbc:clickhouse://" + url.host() + ":" + url.port() + "/" + url.path()
                                    + "?compress=false",
                            "spring.datasource.username=" + (url.user() == null ? "default" : url.user()),
                            "spring.datasource.password=" + (url.password() == null ? "" : url.password()))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
                        assertThat(report.engine()).isEqualTo("clickhouse");
                        assertThat(report.applied()).isEqualTo(2);
                        assertThat(report.healthy()).isTrue();
                        assertThat(report.connection()).startsWith("clickhouse://").endsWith("/" + url.path() + "?compress=false");
                    });
        }
    }

    /**
     * A database whose schema equals the head only because a change of its rows fails on the server: adoption at
     * start-up is refused, and the analysis says to kill that change, not to make the schema equal a state.
     */
    @Test
    void adoptionOverAFailingMutationIsRefusedWithTheWayToCancelIt() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir.resolve("ws"), "clickhouse");
        ws.migration("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE plans;");
        ws.migration("002_numbers.sql", "ALTER TABLE plans MODIFY COLUMN name UInt64;",
                "ALTER TABLE plans MODIFY COLUMN name String;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            db.execute("CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            db.execute("INSERT INTO plans VALUES (1, 'free')");
            // The column's type changes at once; its rows' conversion fails and stays queued.
            assertThatThrownBy(() -> db.execute("ALTER TABLE plans MODIFY COLUMN name UInt64"))
                    .hasMessageContaining("Cannot parse string 'free' as UInt64");
            List<String> failing = db.engine().failingMutations(c);
            assertThat(failing).hasSize(1);
            try {
                new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                        .withPropertyValues("matey.workspace=" + ws.root(), "matey.adopt-on-startup=true",
                                "matey.targets.[db/core].url=" + db.url().raw())
                        .run(context -> {
                            FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                                    .withProperty("matey.workspace", ws.root().toString()))
                                    .analyze(context.getStartupFailure());
                            assertThat(analysis.getCause()).isInstanceOf(FailingMutationRefusal.class);
                            assertThat(analysis.getDescription()).contains("equals the committed state at index 2",
                                    "KILL MUTATION");
                            assertThat(analysis.getAction()).contains("kill that change", "db drift --path db/core")
                                    .doesNotContain("equals no committed state");
                        });
                assertThat(db.engine().migrationTable().exists(c) ? db.engine().migrationTable().appliedVersions(c)
                        : List.of()).as("nothing recorded").isEmpty();
            } finally {
                db.execute(failing.get(0).replaceFirst(".*`(KILL MUTATION [^`]*)`.*", "$1"));
            }
        }
    }

    private TestWorkspace workspace() {
        TestWorkspace ws = new TestWorkspace(dir.resolve("ws"), "clickhouse");
        ws.migration("001_events.sql", "CREATE TABLE events (id UInt64, kind LowCardinality(String)) "
                + "ENGINE = MergeTree ORDER BY id;", "DROP TABLE events;");
        ws.migration("002_kinds.sql", "CREATE TABLE kinds (kind String) ENGINE = MergeTree ORDER BY kind;",
                "DROP TABLE kinds;");
        ws.apply();
        return ws;
    }
}
