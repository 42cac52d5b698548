package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.ParsedSql;
import io.matey.migration.StatementSplitter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmulatorLintDialectTest {

    private final BigQueryEngine emulator = new BigQueryEngine(true, BigQueryClients.DEFAULT);

    private Optional<String> undumpable(String sql) {
        ParsedSql statement = ParsedSql.of(new StatementSplitter(emulator.dialect()).split(sql).get(0));
        List<String> images = statement.tokens().stream().map(t -> t.image).toList();
        return emulator.lint().undumpable(images);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE VIEW v AS SELECT 1 AS x", "CREATE OR REPLACE VIEW v AS SELECT 1 AS x",
            "CREATE MATERIALIZED VIEW m AS SELECT 1 AS x", "CREATE TEMP FUNCTION f(x INT64) AS (x)",
            "CREATE TABLE FUNCTION tf(x INT64) AS (SELECT x)", "CREATE PROCEDURE p() BEGIN SELECT 1; END",
            "CREATE TABLE t (d DATE) PARTITION BY d", "CREATE TABLE t (id INT64) CLUSTER BY id",
            "CREATE TABLE t (id INT64 DEFAULT 1)", "ALTER TABLE t SET OPTIONS (description = 'x')"})
    void flagsWhatTheEmulatorsDumpCannotRender(String sql) {
        assertThat(undumpable(sql)).as(sql).hasValueSatisfying(reason -> assertThat(reason).startsWith(
                "The bigquery-emulator schema dump does not render"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id INT64 NOT NULL, tags ARRAY<STRING>)", "ALTER TABLE t ADD COLUMN x STRING",
            "INSERT INTO t (id) VALUES (1)", "CREATE TABLE t (note STRING) -- no DEFAULT here"})
    void leavesPlainTablesAlone(String sql) {
        assertThat(undumpable(sql)).as(sql).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theRealServicesDumpRendersThemAll() {
        assertThat(new BigQueryEngine(false, BigQueryClients.DEFAULT).lint().undumpable(List.of("CREATE", "VIEW", "v")))
                .isEmpty();
    }
}
