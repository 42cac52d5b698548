package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
