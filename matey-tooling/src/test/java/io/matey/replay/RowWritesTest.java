package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.migration.Section;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which up sections may leave rows that no checkpoint holds (docs/architecture.md §6). */
class RowWritesTest {

    private static boolean mayWrite(String sql) {
        return RowWrites.mayWrite(List.of(new Section("up", sql, 2, true, 1)), Engines.byId("postgres").dialect());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t (id int, note text DEFAULT 'select');\nALTER TABLE t ADD COLUMN n int;",
        "-- INSERT INTO t VALUES (1)\nCREATE INDEX t_n ON t (n);",
        "CREATE VIEW v AS SELECT * FROM t;",
        "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN INSERT INTO t VALUES (1); RETURN NEW; END $$ LANGUAGE plpgsql;",
        "BEGIN;\nDROP TABLE t;\nCOMMIT;",
        "TRUNCATE t;"})
    void schemaChangesWriteNoRows(String sql) {
        assertThat(mayWrite(sql)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);",
        "UPDATE t SET id = 2;",
        "CREATE TABLE u AS SELECT 1 AS id;",
        "CREATE TEMPORARY TABLE u AS VALUES (1);",
        "SELECT f();",
        "CALL p();",
        "DO $$ BEGIN PERFORM 1; END $$;",
        "COPY t FROM STDIN;",
        "WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT * FROM x;"})
    void dataStatementsMayWriteRows(String sql) {
        assertThat(mayWrite(sql)).isTrue();
    }
}
