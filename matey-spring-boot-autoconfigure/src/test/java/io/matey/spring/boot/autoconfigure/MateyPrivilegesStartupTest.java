package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A PostgreSQL target's {@code privileges = false} (docs/architecture.md §5) at start-up: privileges a DBA gives on
 * the live database are no drift for it, while without the key the same grants fail the start-up check.
 */
class MateyPrivilegesStartupTest {

    private static final String CONFIG = TestWorkspace.TARGET + "/config.toml";

    private final String monitor = "it_monitor_" + Long.toString(System.nanoTime() & 0xffffff, 36);

    @TempDir
    Path dir;

    @AfterEach
    void dropRole() throws SQLException {
        try (TestDatabase server = TestDatabase.create("postgres")) {
            server.execute("DROP ROLE IF EXISTS " + monitor);
        }
    }

    @Test
    void grantsADbaMadeAreNoDriftForATargetWithoutPrivilegesAndFailTheStartUpWithoutTheKey() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir.resolve("ws"), "postgres");
        String config = ws.read(CONFIG);
        ws.write(CONFIG, config + "privileges = false\n");
        ws.migration("001_flags.sql", ws.createTable("it_flags"), "DROP TABLE it_flags;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                    .withPropertyValues("spring.datasource.url=" + Databases.jdbcUrl(db),
                            "spring.datasource.username=" + db.url().user(), "matey.workspace=" + ws.root());
            runner.withPropertyValues("matey.migrate-on-startup=true").run(context -> assertThat(context).hasNotFailed());
            db.execute("CREATE ROLE " + monitor);
            db.execute("GRANT SELECT ON public.it_flags TO " + monitor + ";\nGRANT USAGE, CREATE ON SCHEMA public TO "
                    + monitor);

            runner.run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MateyReports.class).find(TestWorkspace.TARGET).orElseThrow().drift())
                        .isEqualTo(TargetReport.CLEAN);
            });

            // the migrations grant nothing: the artifacts are the same with privileges, and need no new apply
            ws.write(CONFIG, config);
            runner.run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MateyDriftException.class);
                FailureAnalysis analysis = new MateyDriftFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("GRANT SELECT ON TABLE public.it_flags TO " + monitor,
                        "GRANT ALL ON SCHEMA public TO " + monitor);
            });
        }
    }
}
