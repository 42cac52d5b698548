package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.live.ForeignHistoryRefusal;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * Adopting a PostgreSQL database Flyway migrated (README "Moving from Flyway or Liquibase"): while Flyway's history
 * table is its only difference from a checkpoint, the refusal says to drop it, not to change the schema.
 */
class MateyFlywayTakeOverTest {

    @TempDir
    Path dir;

    @Test
    void aRefusalWhoseOnlyDifferenceIsFlywaysHistorySaysToDropIt() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_item.sql", ws.createTable("it_item"), "DROP TABLE it_item;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(ws.createTable("it_item"));
            db.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL, version VARCHAR(50), "
                    + "success BOOLEAN NOT NULL, CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank))");
            db.execute("CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success)");
            adopting(db, ws).run(context -> {
                FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                        .withProperty("matey.workspace", ws.root().toString())).analyze(context.getStartupFailure());
                assertThat(analysis.getCause()).isInstanceOf(ForeignHistoryRefusal.class);
                assertThat(analysis.getDescription()).contains("+CREATE TABLE public.flyway_schema_history",
                        "The only difference is Flyway's history (flyway_schema_history)");
                assertThat(analysis.getAction()).startsWith("The only difference is Flyway's history "
                        + "(flyway_schema_history), which no checkpoint has: once nothing runs Flyway against this "
                        + "database, drop it (DROP TABLE flyway_schema_history), after the take-over steps in README, "
                        + "\"Moving from Flyway or Liquibase\", and adopt again.").doesNotContain("change the database");
            });
        }
    }

    @Test
    void aRefusalWithMoreThanFlywaysHistoryKeepsTheGeneralAdvice() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_item.sql", ws.createTable("it_item"), "DROP TABLE it_item;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(ws.createTable("it_item"));
            db.execute("CREATE TABLE it_out_of_band (id INT)");
            db.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
            adopting(db, ws).run(context -> {
                FailureAnalysis analysis = new MateyFailureAnalyzer(new MockEnvironment()
                        .withProperty("matey.workspace", ws.root().toString())).analyze(context.getStartupFailure());
                assertThat(analysis.getCause()).isNotInstanceOf(ForeignHistoryRefusal.class);
                assertThat(analysis.getAction()).contains("change the database").doesNotContain("DROP TABLE");
            });
        }
    }

    private static ApplicationContextRunner adopting(TestDatabase db, TestWorkspace ws) {
        return new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + Databases.jdbcUrl(db),
                        "spring.datasource.username=" + db.url().user(), "matey.workspace=" + ws.root(),
                        "matey.adopt-on-startup=true");
    }
}
