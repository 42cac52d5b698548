package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.data.AppliedFile;
import io.matey.data.DataMode;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data sets on {@code bigquery} through the façade, against {@code BigQueryRestDouble} (not BigQuery) unless
 * {@code MATEY_TEST_BIGQUERY_URL} is set: every scalar type travels as a typed query parameter and back byte for
 * byte, a composite key upserts and replaces only the difference, and ARRAY columns are refused by name.
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
        TestWorkspace ws = new TestWorkspace(dir, "bigquery");
        ws.migration("001_every_type.sql", EVERY_TYPE, "DROP TABLE every_type;");
        ws.apply();
        manifest(ws, "replace");
        ws.write(TestWorkspace.TARGET + "/data/every_type.jsonl", String.join("\n", ROWS) + "\n");
        Matey matey = ws.matey();
        String source = live(ws);
        String copy = live(ws);

        assertThat(matey.dataApply(target(ws), source, null).files()).containsExactly(
                new AppliedFile("every_type", "every_type", DataMode.REPLACE, 3, 3, 0, 0));
        matey.dataExport(target(ws), source, null);
        assertThat(ws.read(TestWorkspace.TARGET + "/data/every_type.jsonl").lines()).containsExactlyElementsOf(ROWS);
        matey.dataApply(target(ws), copy, null);
        matey.dataExport(target(ws), copy, null);
        assertThat(ws.read(TestWorkspace.TARGET + "/data/every_type.jsonl").lines()).as("the copy holds the same rows")
                .containsExactlyElementsOf(ROWS);

        manifest(ws, "upsert");
        ws.write(TestWorkspace.TARGET + "/data/every_type.jsonl", "{\"region\": \"us\", \"id\": 1, \"label\": \"changed\"}\n"
                + "{\"region\": \"eu\", \"id\": 2, \"label\": \"new\"}\n");
        assertThat(matey.dataApply(target(ws), copy, null).files()).containsExactly(
                new AppliedFile("every_type", "every_type", DataMode.UPSERT, 2, 1, 1, 0));
        manifest(ws, "replace");
        ws.write(TestWorkspace.TARGET + "/data/every_type.jsonl", "{\"region\": \"eu\", \"id\": 2, \"label\": \"new\"}\n");
        assertThat(matey.dataApply(target(ws), copy, null).files()).as("replace deletes the keys the file lacks")
                .containsExactly(new AppliedFile("every_type", "every_type", DataMode.REPLACE, 1, 0, 0, 3));
    }

    @Test
    void arrayColumnsAreRefusedByName() {
        TestWorkspace ws = new TestWorkspace(dir, "bigquery");
        ws.migration("001_tagged.sql", "CREATE TABLE tagged (id INT64, tags ARRAY<STRING>);", "DROP TABLE tagged;");
        ws.apply();
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"tagged\", table = \"tagged\", "
                + "mode = \"insert\" }]\n");
        ws.write(TestWorkspace.TARGET + "/data/tagged.jsonl", "{\"id\": 1, \"tags\": [\"a\"]}\n");
        String live = live(ws);
        assertThatThrownBy(() -> ws.matey().dataApply(target(ws), live, null)).isInstanceOf(MateyException.class)
                .hasMessageContaining("columns of type ARRAY<STRING>");
    }

    private String live(TestWorkspace ws) {
        TestDatabase db = TestDatabase.unborn("bigquery");
        databases.add(db);
        ws.matey().dbUp(target(ws), db.url().raw(), line -> { });
        return db.url().raw();
    }

    private static void manifest(TestWorkspace ws, String mode) {
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"every_type\", table = "
                + "\"every_type\", mode = \"" + mode + "\", on = [\"region\", \"id\"], order_by = [\"region\", \"id\"] }]\n");
    }

    private static TargetConfig target(TestWorkspace ws) {
        return ws.matey().target(TestWorkspace.TARGET);
    }
}
