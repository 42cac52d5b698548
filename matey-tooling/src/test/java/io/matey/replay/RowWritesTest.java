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
        "TRUNCATE t;",
        "CREATE TABLE p PARTITION OF t FOR VALUES FROM (1) TO (10);",
        "CREATE TABLE p PARTITION OF t FOR VALUES IN ('a', 'b');",
        "CREATE TABLE p PARTITION OF t FOR VALUES WITH (MODULUS 4, REMAINDER 0);",
        "CREATE TABLE m (id int) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), "
                + "PARTITION p1 VALUES LESS THAN MAXVALUE);",
        "CREATE TABLE l (id int) PARTITION BY LIST (id) (PARTITION p0 VALUES IN (1, 2));"})
    void schemaChangesWriteNoRows(String sql) {
        assertThat(mayWrite(sql)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);",
        "UPDATE t SET id = 2;",
        "CREATE TABLE u AS SELECT 1 AS id;",
        "CREATE TEMPORARY TABLE u AS VALUES (1);",
        "CREATE TABLE u (id) AS VALUES (1), (2);",
        "CREATE TABLE p PARTITION OF t FOR VALUES IN (1);\nINSERT INTO p VALUES (1);",
        "INSERT INTO t SELECT * FROM u;",
        "SELECT f();",
        "CALL p();",
        "DO $$ BEGIN PERFORM 1; END $$;",
        "COPY t FROM STDIN;",
        "WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT * FROM x;"})
    void dataStatementsMayWriteRows(String sql) {
        assertThat(mayWrite(sql)).isTrue();
    }
}
