package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The {@code bigquery-emulator} engine through the official client against {@code BigQueryRestDouble} (not the
 * emulator), reached through the URL's own host, as the default client factory builds it.
 */
class BigQueryEmulatorOnDoubleTest extends OnDoubleScenarios {

    BigQueryEmulatorOnDoubleTest() {
        super(true);
    }

    @Test
    void viewsAndRoutinesAreRefusedNotLeftOut() throws Exception {
        Connection views = engine().connect(scratch("view"));
        engine().load(views, "CREATE TABLE t (id INT64);\nCREATE VIEW v AS SELECT id FROM t;");
        assertThatThrownBy(() -> engine().dumpSchema(views)).isInstanceOf(MateyException.class)
                .hasMessageContaining("bigquery-emulator cannot dump view 'v'");

        Connection routines = engine().connect(scratch("routine"));
        engine().load(routines, "CREATE FUNCTION f(x INT64) RETURNS INT64 AS (x);");
        assertThatThrownBy(() -> engine().dumpSchema(routines)).isInstanceOf(MateyException.class)
                .hasMessageContaining("bigquery-emulator cannot dump routine 'f'");
    }

    /**
     * What the emulator's tables API does not show faithfully is refused, naming the table or column, not dumped
     * without it: the double answers tables.get with the Table resource's timePartitioning, clustering and
     * description, and a field's defaultValueExpression and description.
     */
    @Test
    void partitioningClusteringDefaultsAndDescriptionsAreRefusedNotLeftOut() throws Exception {
        refused("partitioned", "CREATE TABLE t (id INT64, day DATE) PARTITION BY day;", "table 't'",
                "partitioning and clustering");
        refused("daily", "CREATE TABLE t (id INT64, at TIMESTAMP) PARTITION BY DATE(at);", "table 't'",
                "partitioning and clustering");
        refused("clustered", "CREATE TABLE t (id INT64) CLUSTER BY id;", "table 't'", "partitioning and clustering");
        refused("described", "CREATE TABLE t (id INT64) OPTIONS(description = 'ids');", "table 't'",
                "table descriptions");
        refused("defaulted", "CREATE TABLE t (id INT64 DEFAULT 0);", "column 't.id'",
                "column defaults and descriptions");
        refused("commented", "CREATE TABLE t (id INT64 OPTIONS(description = 'the id'));", "column 't.id'",
                "column defaults and descriptions");
    }

    private void refused(String dataset, String ddl, String object, String kinds) throws Exception {
        Connection connection = engine().connect(scratch(dataset));
        engine().load(connection, ddl);
        assertThatThrownBy(() -> engine().dumpSchema(connection)).isInstanceOf(MateyException.class)
                .hasMessageContaining("bigquery-emulator cannot dump " + object + " of ")
                .hasMessageContaining("does not show " + kinds + " faithfully");
    }
}
