package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.lint.Finding;
import io.matey.lint.Linter;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Issue 10 item 7, adopting an existing history: a 30-migration history with three inexact down sections.
 * {@code --keep-going} reports all three with their diffs and writes nothing; config.toml's
 * {@code [inexact_downs]} accepts them one by one, and what it accepts is recorded in the lock, shown by
 * {@code schema plan} and reported by {@code lint}.
 */
class KeepGoingTest {

    private static final String INDEX = "migrations/007_t07.sql";
    private static final String ORDER = "migrations/015_t15.sql";
    private static final String AUDIT = "migrations/023_t23.sql";
    private static final ReplayOptions KEEP_GOING = new ReplayOptions(null, null, false, false, true);
    private static final String CONFIG = "db/core/config.toml";

    @TempDir
    Path dir;

    /** 30 migrations; 7 forgets an index in its down, 15 restores a column at the end, 23 forgets a table. */
    private TestWorkspace history(String engine) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        for (int i = 1; i <= 30; i++) {
            String table = String.format("t%02d", i);
            String file = String.format("%03d_%s.sql", i, table);
            switch (i) {
                case 7 -> ws.migration(file, ws.createTable(table) + "\nCREATE INDEX ix_t01_name ON t01 (name);",
                        "DROP TABLE t07;");
                case 14 -> ws.migration(file, "CREATE TABLE t14 (id BIGINT NOT NULL PRIMARY KEY, legacy VARCHAR(40), "
                        + "name VARCHAR(40));", "DROP TABLE t14;");
                case 15 -> ws.migration(file, ws.createTable(table) + "\nALTER TABLE t14 DROP COLUMN legacy;",
                        "ALTER TABLE t14 ADD COLUMN legacy VARCHAR(40);\nDROP TABLE t15;");
                case 23 -> ws.migration(file, ws.createTable(table) + "\n" + ws.createTable("t23_audit"),
                        "DROP TABLE t23;");
                default -> ws.migration(file, ws.createTable(table), "DROP TABLE " + table + ";");
            }
        }
        return ws;
    }

    private static void accept(TestWorkspace ws, String... files) {
        StringBuilder config = new StringBuilder("engine = \"" + ws.engine() + "\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[inexact_downs]\n");
        for (String file : files) {
            config.append('"').append(file.substring("migrations/".length())).append("\" = \"reviewed: ")
                    .append(file).append("\"\n");
        }
        ws.write(CONFIG, config.toString());
    }

    @ParameterizedTest
    @EngineMatrix
    void keepGoingReportsEveryInexactDownAndAcceptanceIsRecorded(String engine) {
        TestWorkspace ws = history(engine);
        Map<String, String> before = ws.files();

        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class).hasMessageContaining(INDEX)
                .hasMessageNotContaining(ORDER);

        SchemaPlanResult plan = ws.plan(KEEP_GOING);
        assertThat(plan.match()).isFalse();
        assertThat(plan.downFailures()).extracting(DownFailure::file).containsExactly(INDEX, ORDER, AUDIT);
        assertThat(plan.downFailures()).allSatisfy(f -> assertThat(f.diff())
                .contains("--- before/schema.sql", "+++ after-down/schema.sql"));
        assertThat(plan.downFailures().get(0).diff()).containsPattern("\\+.*ix_t01_name");
        assertThat(plan.downFailures().get(1).diff()).contains("legacy");
        assertThat(plan.downFailures().get(2).diff()).containsPattern("\\+.*t23_audit");
        assertThat(plan.downChecked()).hasSize(30);

        assertThatThrownBy(() -> ws.apply(KEEP_GOING)).isInstanceOf(MateyException.class)
                .hasMessageContaining("3 down section(s) failed the round trip; nothing was written")
                .hasMessageContaining(INDEX).hasMessageContaining(ORDER).hasMessageContaining(AUDIT)
                .hasMessageContaining("+++ after-down/schema.sql");
        assertThat(ws.files()).isEqualTo(before);

        accept(ws, ORDER);
        SchemaPlanResult oneAccepted = ws.plan(KEEP_GOING);
        assertThat(oneAccepted.downFailures()).extracting(DownFailure::file).containsExactly(INDEX, AUDIT);
        assertThat(oneAccepted.downAccepted()).singleElement().satisfies(a -> {
            assertThat(a.file()).isEqualTo(ORDER);
            assertThat(a.reason()).isEqualTo("reviewed: " + ORDER);
            assertThat(a.diff()).contains("legacy");
        });

        accept(ws, INDEX, ORDER, AUDIT);
        SchemaApplyResult applied = ws.apply(KEEP_GOING);
        assertThat(applied.changed()).isTrue();
        assertThat(applied.downAccepted()).extracting(AcceptedDown::file).containsExactly(INDEX, ORDER, AUDIT);
        String lock = ws.read("db/core/schema.lock.toml");
        assertThat(lock).contains("down_accepted = \"reviewed: " + INDEX + "\"",
                "down_accepted = \"reviewed: " + ORDER + "\"", "down_accepted = \"reviewed: " + AUDIT + "\"");
        // Checkpoints are the states after each up section, whatever the inexact downs left behind.
        assertThat(ws.read("db/core/checkpoints/015_t15.sql")).doesNotContain("legacy");
        assertThat(ws.read("db/core/checkpoints/007_t07.sql")).contains("ix_t01_name");

        SchemaPlanResult clean = ws.plan();
        assertThat(clean.match()).isTrue();
        assertThat(clean.downAccepted()).extracting(AcceptedDown::file).containsExactly(INDEX, ORDER, AUDIT);
        assertThat(ws.apply().changed()).isFalse();
        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).filteredOn(f -> f.code().equals("L107"))
                .extracting(Finding::path, Finding::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(INDEX, Finding.Level.NOTE),
                        org.assertj.core.groups.Tuple.tuple(ORDER, Finding.Level.NOTE),
                        org.assertj.core.groups.Tuple.tuple(AUDIT, Finding.Level.NOTE));

        // db down stops short of an accepted inexact down: rolling it back cannot give the committed state.
        String live = "sqlite3:" + dir.resolve("live.sqlite3");
        if (engine.equals("sqlite")) {
            ws.matey().dbUp(ws.matey().target(TestWorkspace.TARGET), live, line -> { });
            assertThat(ws.matey().dbDown(ws.matey().target(TestWorkspace.TARGET), live, 7, line -> { }).after())
                    .isEqualTo(23);
            assertThatThrownBy(() -> ws.matey().dbDown(ws.matey().target(TestWorkspace.TARGET), live, 1, line -> { }))
                    .isInstanceOf(MateyException.class).hasMessageContaining("refused: the down section of " + AUDIT
                            + " is accepted as inexact (reviewed: " + AUDIT + ")");
        }

        // Withdrawing an acceptance makes replay check that round trip again: the lock is stale, then it fails.
        accept(ws, INDEX, AUDIT);
        SchemaPlanResult withdrawn = ws.plan(KEEP_GOING);
        assertThat(withdrawn.divergence()).hasValue(15);
        assertThat(withdrawn.downFailures()).extracting(DownFailure::file).containsExactly(ORDER);
        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).extracting(Finding::code).contains("L210");
    }
}
