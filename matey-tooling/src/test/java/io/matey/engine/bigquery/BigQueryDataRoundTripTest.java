package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.data.AppliedFile;
import io.matey.data.DataMode;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.testing.bigquery.SharedBigQueryDouble;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data sets on {@code bigquery} through the façade, against {@code BigQueryRestDouble} (not BigQuery) unless
 * {@code MATEY_TEST_BIGQUERY_URL} is set: every scalar type travels as a typed query parameter and back byte for
 * byte, a composite key upserts and replaces only the difference, and ARRAY and STRUCT values, nested, travel as
 * typed array and struct parameters and come back as the same JSON.
 */
class BigQueryDataRoundTripTest {

    private static final String EVERY_TYPE = "CREATE TABLE every_type (region STRING(8) NOT NULL, id INT64 NOT NULL, "
            + "ok BOOL, amount NUMERIC(12, 2), big BIGNUMERIC, ratio FLOAT64, label STRING, day DATE, at_time TIME, "
            + "local DATETIME, at TIMESTAMP, raw BYTES, body JSON, place GEOGRAPHY);";

    private static final List<String> ROWS = List.of(
            "{\"amount\": \"12.50\", \"at\": \"2024-01-02T03:04:05.123456+00:00\", \"at_time\": \"03:04:05\", "
                    + "\"big\": \"123456789012345678901234567890.5\", \"body\": {\"a\": [1, 2]}, \"day\": \"2024-02-29\", "
                    + "\"id\": 1, \"label\": \"it's \\\"q\\\"\", \"local\": \"2024-01-02T03:04:05\", \"ok\": true, "
                    + "\"place\": \"POINT(13.4 52.5)\", \"ratio\": 2.5e-300, \"raw\": \"00ff10\", \"region\": \"eu\"}",
            "{\"amount\": null, \"at\": null, \"at_time\": null, \"big\": null, \"body\": null, \"day\": null, \"id\": 1, "
                    + "\"label\": null, \"local\": null, \"ok\": false, \"place\": null, \"ratio\": null, \"raw\": null, "
                    + "\"region\": \"us\"}",
            "{\"amount\": \"-0.01\", \"at\": \"1970-01-01T00:00:00+00:00\", \"at_time\": \"23:59:59.999999\", "
                    + "\"big\": \"0\", \"body\": \"text\", \"day\": \"1970-01-01\", \"id\": 2, \"label\": \"\", "
                    + "\"local\": \"1999-12-31T23:59:59.500000\", \"ok\": null, \"place\": \"POINT(0 0)\", \"ratio\": 0.0, "
                    + "\"raw\": \"\", \"region\": \"us\"}");

    @TempDir
    Path dir;

    private final List<TestDatabase> databases = new ArrayList<>();

    @AfterEach
    void drop() throws Exception {
        for (TestDatabase db : databases) {
            db.close();
        }
    }

    @Test
    void everyScalarTypeRoundTripsAndACompositeKeyWritesOnlyTheDifference() {
        TestWorkspace ws = migrated("bigquery", "every_type", EVERY_TYPE);
        manifest(ws, "replace");
        Matey matey = ws.matey();
        String copy = roundTrip(ws, "every_type", ROWS);

        manifest(ws, "upsert");
        ws.write(TestWorkspace.TARGET + "/data/every_type.jsonl", "{\"region\": \"us\", \"id\": 1, \"label\": \"changed\"}\n"
                + "{\"region\": \"eu\", \"id\": 2, \"label\": \"new\"}\n");
        assertThat(new MateyTools(matey).dataApply(target(ws), copy, null).files()).containsExactly(
                new AppliedFile("every_type", "every_type", DataMode.UPSERT, 2, 1, 1, 0));
        manifest(ws, "replace");
        ws.write(TestWorkspace.TARGET + "/data/every_type.jsonl", "{\"region\": \"eu\", \"id\": 2, \"label\": \"new\"}\n");
        assertThat(new MateyTools(matey).dataApply(target(ws), copy, null).files()).as("replace deletes the keys the file lacks")
                .containsExactly(new AppliedFile("every_type", "every_type", DataMode.REPLACE, 1, 0, 0, 3));
    }

    private static final String NESTED = "CREATE TABLE nested (id INT64 NOT NULL, tags ARRAY<STRING>, "
            + "amounts ARRAY<NUMERIC(8, 2)>, address STRUCT<street STRING, zip STRING(5), lines ARRAY<STRING>>, "
            + "items ARRAY<STRUCT<sku STRING, qty INT64, at TIMESTAMP, raw BYTES>>, "
            + "meta STRUCT<day DATE, detail STRUCT<flag BOOL, body JSON>>);";

    private static final List<String> NESTED_ROWS = List.of(
            "{\"address\": {\"lines\": [\"a\", \"b\"], \"street\": \"Main\", \"zip\": \"12345\"}, "
                    + "\"amounts\": [\"1.50\", \"-2.00\"], \"id\": 1, \"items\": [{\"at\": "
                    + "\"2024-01-02T03:04:05.500000+00:00\", \"qty\": 2, \"raw\": \"00ff\", \"sku\": \"x\"}, "
                    + "{\"at\": null, \"qty\": null, \"raw\": null, \"sku\": \"y\"}], \"meta\": {\"day\": "
                    + "\"2024-02-29\", \"detail\": {\"body\": {\"a\": [1, 2]}, \"flag\": true}}, \"tags\": [\"p\", \"q\"]}",
            "{\"address\": {\"lines\": [], \"street\": null, \"zip\": null}, \"amounts\": [], \"id\": 2, "
                    + "\"items\": [{\"at\": null, \"qty\": 0, \"raw\": \"\", \"sku\": \"\"}], \"meta\": null, "
                    + "\"tags\": []}",
            "{\"address\": null, \"amounts\": [], \"id\": 3, \"items\": [{\"at\": null, \"qty\": 1, \"raw\": null, "
                    + "\"sku\": \"z\"}], \"meta\": {\"day\": null, \"detail\": null}, \"tags\": [\"\"]}");

    @Test
    void arrayAndStructColumnsRoundTripAsJsonArraysAndObjectsAndANullArrayIsEmpty() {
        TestWorkspace ws = migrated("bigquery", "nested", NESTED);
        nestedManifest(ws, "replace");
        Matey matey = ws.matey();
        String copy = roundTrip(ws, "nested", NESTED_ROWS);

        nestedManifest(ws, "upsert");
        ws.write(TestWorkspace.TARGET + "/data/nested.jsonl", "{\"id\": 2, \"tags\": null, \"amounts\": null, "
                + "\"address\": {\"lines\": null}, \"items\": [{\"qty\": 0, \"raw\": \"\", \"sku\": \"\"}]}\n"
                + "{\"id\": 3, \"tags\": [\"new\"], \"meta\": {\"detail\": {\"flag\": false}}}\n");
        assertThat(new MateyTools(matey).dataApply(target(ws), copy, null).files()).as("a null array is the empty array stored")
                .containsExactly(new AppliedFile("nested", "nested", DataMode.UPSERT, 2, 0, 1, 0));
        new MateyTools(matey).dataExport(target(ws), copy, null);
        assertThat(ws.read(TestWorkspace.TARGET + "/data/nested.jsonl").lines()).element(2).isEqualTo(
                "{\"address\": null, \"amounts\": [], \"id\": 3, \"items\": [{\"at\": null, \"qty\": 1, \"raw\": null, "
                        + "\"sku\": \"z\"}], \"meta\": {\"day\": null, \"detail\": {\"body\": null, \"flag\": false}}, "
                        + "\"tags\": [\"new\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bigquery", "bigquery-emulator"})
    void aReplaceWithoutOnMatchesRowsByTheDeclaredPrimaryKey(String engine) {
        TestWorkspace ws = migrated(engine, "keyed", "CREATE TABLE keyed (region STRING NOT NULL, id INT64 NOT NULL, "
                + "label STRING);\nALTER TABLE keyed ADD PRIMARY KEY (region, id) NOT ENFORCED;");
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"keyed\", table = \"keyed\", "
                + "mode = \"replace\", order_by = [\"region\", \"id\"] }]\n");
        ws.write(TestWorkspace.TARGET + "/data/keyed.jsonl", "{\"region\": \"eu\", \"id\": 1, \"label\": \"a\"}\n"
                + "{\"region\": \"us\", \"id\": 1, \"label\": \"b\"}\n");
        String live = live(ws, engine);
        Matey matey = ws.matey();
        assertThat(new MateyTools(matey).dataApply(target(ws), live, null).files()).containsExactly(
                new AppliedFile("keyed", "keyed", DataMode.REPLACE, 2, 2, 0, 0));
        ws.write(TestWorkspace.TARGET + "/data/keyed.jsonl", "{\"region\": \"us\", \"id\": 1, \"label\": \"changed\"}\n"
                + "{\"region\": \"us\", \"id\": 2, \"label\": \"new\"}\n");
        assertThat(new MateyTools(matey).dataApply(target(ws), live, null).files()).as("only the difference, by the declared key")
                .containsExactly(new AppliedFile("keyed", "keyed", DataMode.REPLACE, 2, 1, 1, 1));
        ws.write(TestWorkspace.TARGET + "/data/keyed.jsonl", "{\"region\": \"eu\", \"id\": 7, \"label\": \"c\"}\n"
                + "{\"region\": \"us\", \"id\": 1, \"label\": null}\n{\"region\": \"us\", \"id\": 2, \"label\": \"d\"}\n");
        assertThat(new MateyTools(matey).dataApply(target(ws), live, null).files()).as("changed rows in one MERGE (BigQuery) or row by row")
                .containsExactly(new AppliedFile("keyed", "keyed", DataMode.REPLACE, 3, 1, 2, 0));
        ws.write(TestWorkspace.TARGET + "/data/keyed.jsonl", "{\"region\": \"us\", \"id\": 2, \"label\": \"d\"}\n");
        assertThat(new MateyTools(matey).dataApply(target(ws), live, null).files()).as("removed keys in one DELETE")
                .containsExactly(new AppliedFile("keyed", "keyed", DataMode.REPLACE, 1, 0, 0, 2));
        new MateyTools(matey).dataExport(target(ws), live, null);
        assertThat(ws.read(TestWorkspace.TARGET + "/data/keyed.jsonl").lines())
                .containsExactly("{\"id\": 2, \"label\": \"d\", \"region\": \"us\"}");
        ws.write(TestWorkspace.TARGET + "/data/keyed.jsonl", "{\"id\": 2, \"label\": \"no region\"}\n");
        assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), live, null)).as("every row must carry the key")
                .isInstanceOf(MateyException.class).hasMessageContaining("region");
    }

    /**
     * Each statement is a job that takes seconds and counts against quotas: hundreds of rows inserted, changed and
     * removed must stay a few jobs (on the emulator, which has no MERGE, one more per changed row). Counted on the
     * double, as the jobs.query and jobs.insert calls it serves.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bigquery", "bigquery-emulator"})
    void hundredsOfRowsAreAFewJobs(String engine) {
        assumeTrue(System.getenv(engine.equals("bigquery") ? "MATEY_TEST_BIGQUERY_URL" : "MATEY_TEST_BIGQUERY_EMULATOR_URL")
                == null, "jobs are counted on BigQueryRestDouble");
        TestWorkspace ws = migrated(engine, "keyed", "CREATE TABLE keyed (region STRING NOT NULL, id INT64 NOT NULL, "
                + "label STRING, n INT64);\nALTER TABLE keyed ADD PRIMARY KEY (region, id) NOT ENFORCED;");
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"keyed\", table = \"keyed\", "
                + "mode = \"replace\", order_by = [\"region\", \"id\"] }]\n");
        StringBuilder rows = new StringBuilder();
        for (int id = 1; id <= 300; id++) {
            rows.append("{\"region\": \"eu\", \"id\": ").append(id).append(id % 2 == 0 ? ", \"n\": 1" : "")
                    .append(", \"label\": \"a\"}\n");
        }
        ws.write(TestWorkspace.TARGET + "/data/keyed.jsonl", rows.toString());
        String live = live(ws, engine);
        Matey matey = ws.matey();
        int inserts = jobs(() -> assertThat(new MateyTools(matey).dataApply(target(ws), live, null).files()).containsExactly(
                new AppliedFile("keyed", "keyed", DataMode.REPLACE, 300, 300, 0, 0)));
        int reads = jobs(() -> assertThat(new MateyTools(matey).dataApply(target(ws), live, null).files()).as("nothing to write")
                .containsExactly(new AppliedFile("keyed", "keyed", DataMode.REPLACE, 300, 0, 0, 0)));
        assertThat(inserts - reads).as("one multi-row INSERT per row shape").isEqualTo(2);

        rows.setLength(0);
        for (int id = 101; id <= 300; id++) {
            rows.append("{\"region\": \"eu\", \"id\": ").append(id).append(id % 2 == 0 ? ", \"n\": 1" : "")
                    .append(", \"label\": \"").append(id <= 200 ? "changed" : "a").append("\"}\n");
            if (id <= 200) {
                rows.append("{\"region\": \"us\", \"id\": ").append(id).append(", \"label\": \"new\"}\n");
            }
        }
        ws.write(TestWorkspace.TARGET + "/data/keyed.jsonl", rows.toString());
        int changes = jobs(() -> assertThat(new MateyTools(matey).dataApply(target(ws), live, null).files()).containsExactly(
                new AppliedFile("keyed", "keyed", DataMode.REPLACE, 300, 100, 100, 100)));
        assertThat(changes - reads).as("one DELETE, one INSERT, and a MERGE per row shape or an UPDATE per row")
                .isEqualTo(engine.equals("bigquery") ? 1 + 1 + 2 : 1 + 1 + 100);
    }

    /** How many jobs {@code action} sent. */
    private static int jobs(Runnable action) {
        int before = jobs();
        action.run();
        return jobs() - before;
    }

    private static int jobs() {
        return (int) SharedBigQueryDouble.calls().stream()
                .filter(call -> call.matches("POST /bigquery/v2/projects/[^/]+/(queries|jobs)( .*)?")).count();
    }

    @Test
    void structValuesMustNameTheirFieldsAndArraysOfStructsMustNotBeEmpty() {
        TestWorkspace ws = migrated("bigquery", "nested", NESTED);
        nestedManifest(ws, "insert");
        String live = live(ws);
        ws.write(TestWorkspace.TARGET + "/data/nested.jsonl", "{\"id\": 1, \"address\": {\"city\": \"x\"}}\n");
        assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), live, null)).isInstanceOf(MateyException.class)
                .hasMessageContaining("nested.jsonl").hasMessageContaining("has field 'city', which STRUCT<");
        ws.write(TestWorkspace.TARGET + "/data/nested.jsonl", "{\"id\": 1, \"items\": []}\n");
        assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), live, null)).isInstanceOf(MateyException.class)
                .hasMessageContaining("An empty ARRAY<STRUCT<sku STRING");
    }

    /** A workspace on {@code engine} whose one migration creates table {@code name} with {@code ddl}, applied. */
    private TestWorkspace migrated(String engine, String name, String ddl) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_" + name + ".sql", ddl, "DROP TABLE " + name + ";");
        ws.apply();
        return ws;
    }

    /**
     * Replaces the table's rows in one new dataset with {@code rows} (a file of that name), exports them back
     * unchanged, and copies them into another the same way; returns the copy's URL.
     */
    private String roundTrip(TestWorkspace ws, String name, List<String> rows) {
        String file = TestWorkspace.TARGET + "/data/" + name + ".jsonl";
        ws.write(file, String.join("\n", rows) + "\n");
        Matey matey = ws.matey();
        String source = live(ws);
        String copy = live(ws);
        assertThat(new MateyTools(matey).dataApply(target(ws), source, null).files()).containsExactly(
                new AppliedFile(name, name, DataMode.REPLACE, rows.size(), rows.size(), 0, 0));
        new MateyTools(matey).dataExport(target(ws), source, null);
        assertThat(ws.read(file).lines()).containsExactlyElementsOf(rows);
        new MateyTools(matey).dataApply(target(ws), copy, null);
        new MateyTools(matey).dataExport(target(ws), copy, null);
        assertThat(ws.read(file).lines()).as("the copy holds the same rows").containsExactlyElementsOf(rows);
        return copy;
    }

    private String live(TestWorkspace ws) {
        return live(ws, "bigquery");
    }

    private String live(TestWorkspace ws, String engine) {
        TestDatabase db = TestDatabase.unborn(engine);
        databases.add(db);
        ws.matey().dbUp(target(ws), db.url().raw(), line -> { });
        return db.url().raw();
    }

    private static void manifest(TestWorkspace ws, String mode) {
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"every_type\", table = "
                + "\"every_type\", mode = \"" + mode + "\", on = [\"region\", \"id\"], order_by = [\"region\", \"id\"] }]\n");
    }

    private static void nestedManifest(TestWorkspace ws, String mode) {
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"nested\", table = \"nested\", "
                + "mode = \"" + mode + "\", on = [\"id\"], order_by = [\"id\"] }]\n");
    }

    private static TargetConfig target(TestWorkspace ws) {
        return ws.matey().target(TestWorkspace.TARGET);
    }
}
