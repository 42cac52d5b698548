package io.matey.testing.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import io.matey.engine.MateyUrl;
import io.matey.engine.bigquery.BigQueryUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The double is honest: it serves the documented REST shapes to the official client and refuses what it lacks. */
class BigQueryRestDoubleTest {

    private BigQueryRestDouble double_;
    private BigQuery client;
    private final DatasetId dataset = DatasetId.of("p", "ds");

    @BeforeEach
    void start() throws Exception {
        double_ = new BigQueryRestDouble();
        client = double_.clients().client(BigQueryUrl.of(MateyUrl.parse("bigquery://p/ds")));
        client.create(DatasetInfo.of(dataset));
    }

    @AfterEach
    void stop() {
        double_.close();
    }

    private TableResult query(String sql) throws InterruptedException {
        return client.query(QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false).setDefaultDataset(dataset).build());
    }

    private static List<List<String>> values(TableResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (FieldValueList row : result.iterateAll()) {
            rows.add(row.stream().map(v -> v.isNull() ? null : v.getStringValue()).toList());
        }
        return rows;
    }

    @Test
    void theClientGzipsRequestBodiesAndTheDoubleReadsThem() throws Exception {
        query("CREATE TABLE t (id INT64 NOT NULL, name STRING)");
        query("INSERT INTO t (id, name) VALUES (2, 'b'), (1, 'a')");
        assertThat(values(query("SELECT id, name FROM t ORDER BY id"))).containsExactly(List.of("1", "a"), List.of("2", "b"));
        assertThat(double_.calls()).contains("POST /bigquery/v2/projects/p/queries (gzip)");
    }

    @Test
    void ordersNumbersAsNumbersWithNullsFirstAndNullEqualsNothing() throws Exception {
        query("CREATE TABLE t (id INT64, name STRING)");
        query("INSERT INTO t (id, name) VALUES (10, 'x'), (9, NULL), (NULL, 'y')");
        assertThat(values(query("SELECT id FROM t ORDER BY id"))).extracting(r -> r.get(0))
                .containsExactly(null, "9", "10");
        assertThat(values(query("SELECT id FROM t WHERE name = NULL"))).isEmpty();
        query("DELETE FROM t WHERE name = NULL");
        assertThat(values(query("SELECT name FROM t ORDER BY name DESC"))).extracting(r -> r.get(0))
                .containsExactly("y", "x", null);
    }

    @Test
    void queriesAlsoRunAsInsertedJobsReadBackThroughJobsGetAndGetQueryResults() throws Exception {
        query("CREATE TABLE t (id INT64)");
        query("INSERT INTO t (id) VALUES (7)");
        Job job = client.create(JobInfo.of(JobId.of("job_1"), QueryJobConfiguration.newBuilder("SELECT id FROM t")
                .setUseLegacySql(false).setDefaultDataset(dataset).build()));
        assertThat(values(job.waitFor().getQueryResults())).containsExactly(List.of("7"));
        assertThat(double_.calls()).anyMatch(c -> c.startsWith("POST /bigquery/v2/projects/p/jobs"))
                .anyMatch(c -> c.startsWith("GET /bigquery/v2/projects/p/jobs/job_1"))
                .anyMatch(c -> c.startsWith("GET /bigquery/v2/projects/p/queries/job_1"));

        Job failed = client.create(JobInfo.of(JobId.of("job_2"), QueryJobConfiguration.newBuilder("SELECT id FROM missing")
                .setUseLegacySql(false).setDefaultDataset(dataset).build()));
        assertThatThrownBy(failed::waitFor).hasMessageContaining("Not found: Table p:ds.missing");
        assertThat(client.getJob(JobId.of("job_2")).getStatus().getError().getMessage())
                .contains("Not found: Table p:ds.missing");
    }

    @Test
    void insertAllAddsRowsAndReportsRowsItCannotTake() throws Exception {
        query("CREATE TABLE t (id INT64 NOT NULL, name STRING)");
        InsertAllResponse ok = client.insertAll(InsertAllRequest.newBuilder(TableId.of("p", "ds", "t"))
                .addRow(Map.of("id", 1, "name", "x")).build());
        assertThat(ok.hasErrors()).isFalse();
        InsertAllResponse bad = client.insertAll(InsertAllRequest.newBuilder(TableId.of("p", "ds", "t"))
                .addRow(Map.of("id", 2, "colour", "red")).addRow(Map.of("name", "no id")).build());
        assertThat(bad.getInsertErrors()).containsOnlyKeys(0L, 1L);
        assertThat(bad.getErrorsFor(0).get(0).getMessage()).contains("no such field: colour");
        assertThat(bad.getErrorsFor(1).get(0).getMessage()).contains("Required field id cannot be null");
        assertThat(values(query("SELECT id, name FROM t"))).containsExactly(List.of("1", "x"));
    }

    @Test
    void valuesMustFitTheirColumnsType() throws Exception {
        query("CREATE TABLE t (id INT64, code STRING(2), day DATE, ok BOOL)");
        query("INSERT INTO t (id, code, day, ok) VALUES (1, 'ab', '2024-01-02', TRUE), (2, NULL, DATE '2024-01-03', NULL)");
        for (String values : List.of("('x', 'ab', NULL, NULL)", "(1.5, 'ab', NULL, NULL)", "(3, 'abc', NULL, NULL)",
                "(3, 'ab', NULL, 'yes')", "(3, 7, NULL, NULL)")) {
            assertThatThrownBy(() -> query("INSERT INTO t (id, code, day, ok) VALUES " + values)).as(values)
                    .isInstanceOf(BigQueryException.class).hasMessageNotContaining("does not implement");
        }
        InsertAllResponse bad = client.insertAll(InsertAllRequest.newBuilder(TableId.of("p", "ds", "t"))
                .addRow(Map.of("id", "seven")).build());
        assertThat(bad.getErrorsFor(0).get(0).getMessage()).contains("Cannot convert value seven to INT64");
        assertThat(values(query("SELECT id FROM t ORDER BY id"))).extracting(r -> r.get(0)).containsExactly("1", "2");
    }

    @Test
    void updatesTypedValuesAndAssertsOverGroupedCounts() throws Exception {
        query("CREATE TABLE t (id INT64 NOT NULL, name STRING)");
        query("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'a'), (3, 'b')");
        assertThatThrownBy(() -> query("UPDATE t SET id = NULL WHERE name = 'a'"))
                .hasMessageContaining("Required field id cannot be null");
        assertThatThrownBy(() -> query("UPDATE t SET id = 'x' WHERE name = 'a'")).hasMessageContaining("has type INT64");
        query("UPDATE t SET name = 'c' WHERE id = 3");
        assertThat(values(query("SELECT name FROM t GROUP BY name HAVING COUNT(*) > 1"))).containsExactly(List.of("a"));
        assertThatThrownBy(() -> query("ASSERT NOT EXISTS (SELECT name FROM t GROUP BY name HAVING COUNT(*) > 1) AS 'dup'"))
                .hasMessageContaining("Assertion failed: dup").hasMessageNotContaining("does not implement");
        query("UPDATE t SET name = 'd' WHERE id = 2");
        query("ASSERT NOT EXISTS (SELECT name FROM t GROUP BY name HAVING COUNT(*) > 1) AS 'dup'");
        assertThat(values(query("SELECT id, name FROM t ORDER BY id"))).containsExactly(List.of("1", "a"),
                List.of("2", "d"), List.of("3", "c"));
    }

    @Test
    void whatItDoesNotImplementIsRefusedNeverFaked() throws Exception {
        query("CREATE TABLE t (id INT64)");
        for (String sql : List.of("UPDATE t SET id = id + 1 WHERE id = 1", "SELECT COUNT(*) FROM t",
                "CREATE TABLE p (id INT64) PARTITION BY id", "CREATE SEARCH INDEX i ON t(ALL COLUMNS)",
                "SELECT id FROM t WHERE id > 1", "MERGE t USING t s ON FALSE WHEN NOT MATCHED THEN INSERT (id) VALUES (1)")) {
            assertThatThrownBy(() -> query(sql)).as(sql).isInstanceOf(BigQueryException.class)
                    .hasMessageContaining("BigQueryRestDouble does not implement");
        }
        assertThatThrownBy(() -> client.query(QueryJobConfiguration.newBuilder("SELECT 1").setUseLegacySql(true).build()))
                .hasMessageContaining("does not implement legacy SQL");
        assertThat(values(query("SELECT id FROM t"))).isEmpty();
    }

    @Test
    void arrayAndStructParametersTakeTheDocumentedShapeAndComeBackAsRepeatedAndRecordCells() throws Exception {
        query("CREATE TABLE t (id INT64, tags ARRAY<STRING>, s STRUCT<a INT64, b ARRAY<STRING>>)");
        Map<String, QueryParameterValue> fields = new LinkedHashMap<>();
        fields.put("a", QueryParameterValue.int64(7L));
        fields.put("b", QueryParameterValue.array(new String[] {"x"}, StandardSQLTypeName.STRING));
        client.query(QueryJobConfiguration.newBuilder("INSERT INTO t (id, tags, s) VALUES (?, ?, ?), (2, ?, ?)")
                .setUseLegacySql(false).setDefaultDataset(dataset).addPositionalParameter(QueryParameterValue.int64(1L))
                .addPositionalParameter(QueryParameterValue.array(new String[] {"p", "q"}, StandardSQLTypeName.STRING))
                .addPositionalParameter(QueryParameterValue.struct(fields))
                .addPositionalParameter(QueryParameterValue.newBuilder().setType(StandardSQLTypeName.ARRAY)
                        .setArrayType(StandardSQLTypeName.STRING).build())
                .addPositionalParameter(QueryParameterValue.newBuilder().setType(StandardSQLTypeName.STRUCT)
                        .setStructTypes(fields).build()).build());
        List<FieldValueList> rows = new ArrayList<>();
        query("SELECT tags, s FROM t ORDER BY id").iterateAll().forEach(rows::add);
        assertThat(rows.get(0).get("tags").getRepeatedValue()).extracting(FieldValue::getStringValue).containsExactly("p", "q");
        assertThat(rows.get(0).get("s").getRecordValue().get(0).getLongValue()).isEqualTo(7);
        assertThat(rows.get(0).get("s").getRecordValue().get(1).getRepeatedValue().get(0).getStringValue()).isEqualTo("x");
        assertThat(rows.get(1).get("tags").getRepeatedValue()).as("BigQuery stores a NULL array as empty").isEmpty();
        assertThat(rows.get(1).get("s").isNull()).isTrue();

        assertThatThrownBy(() -> client.query(QueryJobConfiguration.newBuilder("UPDATE t SET tags = ? WHERE id = 1")
                .setUseLegacySql(false).setDefaultDataset(dataset).addPositionalParameter(
                        QueryParameterValue.array(new Long[] {1L}, StandardSQLTypeName.INT64)).build()))
                .hasMessageContaining("Value of type ARRAY<INT64> cannot be assigned to tags");
        String parameterQuery = "{\"query\": \"UPDATE t SET tags = ? WHERE id = 1\", \"useLegacySql\": false, "
                + "\"defaultDataset\": {\"projectId\": \"p\", \"datasetId\": \"ds\"}, \"queryParameters\": [%s]}";
        assertThat(post(parameterQuery.formatted("{\"parameterType\": {\"type\": \"ARRAY\"}, "
                + "\"parameterValue\": {\"arrayValues\": []}}"))).contains("needs arrayType");
        assertThat(post(parameterQuery.formatted("{\"parameterType\": {\"type\": \"ARRAY\", \"arrayType\": "
                + "{\"type\": \"STRING\"}}, \"parameterValue\": {\"arrayValues\": [{\"value\": \"a\"}, {}]}}")))
                .contains("Array cannot have a null element");
        assertThat(post(parameterQuery.formatted("{\"parameterType\": {\"type\": \"STRING\", \"rangeElementType\": "
                + "{\"type\": \"DATE\"}}, \"parameterValue\": {\"value\": \"a\"}}")))
                .contains("BigQueryRestDouble does not implement the QueryParameterType field rangeElementType");
    }

    @Test
    void primaryKeysAreKeptUnenforcedAndShownInDdlConstraintViewsAndTheTablesApi() throws Exception {
        query("CREATE TABLE k (a STRING NOT NULL, b INT64, c STRING, PRIMARY KEY (b, a) NOT ENFORCED)");
        query("CREATE TABLE n (id INT64, tags ARRAY<STRING>)");
        assertThatThrownBy(() -> query("ALTER TABLE n ADD PRIMARY KEY (tags) NOT ENFORCED"))
                .hasMessageContaining("which a primary key cannot have");
        assertThatThrownBy(() -> query("ALTER TABLE n ADD PRIMARY KEY (id)")).hasMessageContaining("NOT ENFORCED");
        query("ALTER TABLE n ADD PRIMARY KEY (id) NOT ENFORCED");
        assertThatThrownBy(() -> query("ALTER TABLE n ADD PRIMARY KEY (id) NOT ENFORCED"))
                .hasMessageContaining("already has a primary key");
        assertThatThrownBy(() -> query("ALTER TABLE k DROP COLUMN a")).hasMessageContaining("drop the primary key first");
        query("INSERT INTO k (a, b) VALUES ('x', 1), ('x', 1)"); // not enforced: duplicates go in, as in BigQuery

        assertThat(values(query("SELECT table_name, constraint_name, constraint_type, enforced FROM "
                + "ds.INFORMATION_SCHEMA.TABLE_CONSTRAINTS ORDER BY table_name"))).containsExactly(
                List.of("k", "k.pk$", "PRIMARY KEY", "NO"), List.of("n", "n.pk$", "PRIMARY KEY", "NO"));
        assertThat(values(query("SELECT table_name, column_name, ordinal_position FROM ds.INFORMATION_SCHEMA.KEY_COLUMN_USAGE "
                + "WHERE table_name = 'k' ORDER BY ordinal_position"))).containsExactly(List.of("k", "b", "1"),
                List.of("k", "a", "2"));
        assertThat(values(query("SELECT ddl FROM ds.INFORMATION_SCHEMA.TABLES WHERE table_name = 'k'")).get(0).get(0))
                .endsWith("  c STRING,\n  PRIMARY KEY (b, a) NOT ENFORCED\n);");
        assertThat(client.getTable(TableId.of("p", "ds", "k")).getTableConstraints().getPrimaryKey().getColumns())
                .containsExactly("b", "a");

        query("ALTER TABLE n DROP PRIMARY KEY");
        assertThat(client.getTable(TableId.of("p", "ds", "n")).getTableConstraints()).isNull();
        assertThatThrownBy(() -> query("CREATE TABLE f (id INT64, FOREIGN KEY (id) REFERENCES k(b) NOT ENFORCED)"))
                .hasMessageContaining("BigQueryRestDouble does not implement foreign keys");
    }

    @Test
    void mergeUpdatesMatchedRowsFromAnArrayOfStructsAndStructInUnnestDeletes() throws Exception {
        query("CREATE TABLE m (k STRING(4), id INT64, label STRING)");
        query("INSERT INTO m (k, id, label) VALUES ('a', 1, 'one'), ('a', 2, 'two'), ('b', 1, 'three')");
        QueryParameterValue rows = structs(List.of("x", "a", "1"), List.of("y", "b", "1"));
        TableResult merged = client.query(QueryJobConfiguration.newBuilder("MERGE m AS T USING UNNEST(?) AS S ON T.k = S.f1 "
                + "AND T.id = S.f2 WHEN MATCHED THEN UPDATE SET label = S.f0").setUseLegacySql(false)
                .setDefaultDataset(dataset).addPositionalParameter(rows).build());
        assertThat(((com.google.cloud.bigquery.JobStatistics.QueryStatistics) client.getJob(merged.getJobId())
                .getStatistics()).getNumDmlAffectedRows()).isEqualTo(2);
        assertThat(values(query("SELECT label FROM m ORDER BY label"))).containsExactly(List.of("two"), List.of("x"),
                List.of("y"));
        assertThatThrownBy(() -> client.query(QueryJobConfiguration.newBuilder("MERGE m AS T USING UNNEST(?) AS S "
                + "ON T.id = S.f2 WHEN MATCHED THEN UPDATE SET label = S.f0").setUseLegacySql(false).setDefaultDataset(dataset)
                .addPositionalParameter(rows).build())).hasMessageContaining("at most one source row");
        assertThatThrownBy(() -> client.query(QueryJobConfiguration.newBuilder("DELETE FROM m WHERE STRUCT(label, k) IN "
                + "UNNEST(?)").setUseLegacySql(false).setDefaultDataset(dataset).addPositionalParameter(rows).build()))
                .hasMessageContaining("No matching signature");
        client.query(QueryJobConfiguration.newBuilder("DELETE FROM m WHERE STRUCT(label, k, id) IN UNNEST(?)")
                .setUseLegacySql(false).setDefaultDataset(dataset).addPositionalParameter(rows).build());
        assertThat(values(query("SELECT label FROM m"))).containsExactly(List.of("two"));
    }

    /** An ARRAY<STRUCT<f0 STRING, f1 STRING, f2 INT64>> parameter of these rows. */
    @SafeVarargs
    private static QueryParameterValue structs(List<String>... rows) {
        List<QueryParameterValue> elements = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, QueryParameterValue> fields = new LinkedHashMap<>();
            fields.put("f0", QueryParameterValue.string(row.get(0)));
            fields.put("f1", QueryParameterValue.string(row.get(1)));
            fields.put("f2", QueryParameterValue.int64(Long.parseLong(row.get(2))));
            elements.add(QueryParameterValue.struct(fields));
        }
        return QueryParameterValue.newBuilder().setType(StandardSQLTypeName.ARRAY).setArrayType(StandardSQLTypeName.STRUCT)
                .setArrayValues(elements).build();
    }

    /** A jobs.query request as raw JSON, for shapes the client never sends; the response body. */
    private String post(String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                + double_.endpoint() + "/bigquery/v2/projects/p/queries")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        return response.body();
    }

    @Test
    void unqualifiedNamesNeedADefaultDatasetAsInBigQuery() {
        assertThatThrownBy(() -> client.query(QueryJobConfiguration.newBuilder("CREATE TABLE t (id INT64)")
                .setUseLegacySql(false).build())).hasMessageContaining("must be qualified with a dataset");
    }
}
