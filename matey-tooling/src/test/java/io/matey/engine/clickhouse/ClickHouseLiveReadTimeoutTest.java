package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.live.LiveDatabase;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query of {@code db up}, {@code db down}, {@code db adopt} or {@code db bootstrap} (their schema dumps, bootstrap's
 * load) that outlasts the URL's socket_timeout is said as every live command says it: the masked URL, the timeout in
 * effect and how to raise it. The server is made slow where the command reads: the URL's {@code additional_table_filters}
 * makes reading {@code system.tables} sleep once the table {@value #MARKER} exists, so only the dumps after the
 * migrations created it outlast the timeout; a materialized view on {@code schema_migrations} makes recording a
 * version sleep.
 */
class ClickHouseLiveReadTimeoutTest {

    private static final String MARKER = "stalls_dumps";

    @TempDir
    Path dir;

    @Test
    void thePostcheckDumpsOfDbUpAndDbBootstrap() throws Exception {
        TestWorkspace ws = markerWorkspace();
        try (TestDatabase up = TestDatabase.unborn("clickhouse"); TestDatabase bootstrap = TestDatabase.unborn("clickhouse")) {
            assertTimeout(() -> live(ws).up(target(ws), slowDumps(up)), "db up failed on ", slowDumps(up));
            assertTimeout(() -> live(ws).bootstrap(target(ws), slowDumps(bootstrap)), "db bootstrap failed on ",
                    slowDumps(bootstrap));
        }
    }

    @Test
    void thePostcheckDumpOfDbDown() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_marker.sql", "CREATE TABLE " + MARKER + " (id UInt8) ENGINE = Memory;", "DROP TABLE " + MARKER + ";");
        ws.migration("002_no_marker.sql", "DROP TABLE " + MARKER + ";", "CREATE TABLE " + MARKER + " (id UInt8) ENGINE = Memory;");
        ws.apply();
        try (TestDatabase db = TestDatabase.unborn("clickhouse")) {
            live(ws).up(target(ws), db.url().raw());
            String url = slowDumps(db);
            assertTimeout(() -> live(ws).down(target(ws), url, 1), "db down failed on ", url);
        }
    }

    @Test
    void theDumpOfDbAdopt() throws Exception {
        TestWorkspace ws = markerWorkspace();
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            db.execute("CREATE TABLE " + MARKER + " (id UInt8) ENGINE = Memory");
            String url = slowDumps(db);
            assertTimeout(() -> live(ws).adopt(target(ws), url, true), "db adopt failed on ", url);
        }
    }

    @Test
    void theLoadOfDbBootstrap() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_slow_records.sql", "CREATE MATERIALIZED VIEW slow_records ENGINE = Memory AS "
                + "SELECT sleep(2) AS slept FROM schema_migrations;", "DROP VIEW slow_records;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c); // for the view on it, which the load creates before its rows
            String url = withTimeout(db, "");
            assertTimeout(() -> live(ws).bootstrap(target(ws), url), "db bootstrap load of schema.sql failed: ", url)
                    .hasMessageContaining("two hours). Matey cancelled the statement on the server, where it would have "
                            + "run on.");
            Thread.sleep(3000);
            assertThat(TestDatabase.firstValue(c, "SELECT count() FROM slow_records")).as("cancelled, not run on")
                    .isEqualTo("0");
        }
    }

    private TestWorkspace markerWorkspace() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_marker.sql", "CREATE TABLE " + MARKER + " (id UInt8) ENGINE = Memory;", "DROP TABLE " + MARKER + ";");
        ws.apply();
        return ws;
    }

    /** {@code db}'s URL with a one-second read timeout, where reading system.tables sleeps once {@value #MARKER} exists. */
    private static String slowDumps(TestDatabase db) {
        String filter = "{'system.tables':'name != \\'" + MARKER + "\\' OR sleep(2) = 0'}";
        return withTimeout(db, "&clickhouse_setting_additional_table_filters=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String withTimeout(TestDatabase db, String more) {
        return db.url().raw() + (db.url().raw().contains("?") ? "&" : "?") + "socket_timeout=1000" + more;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertTimeout(ThrowableAssert.ThrowingCallable run,
            String prefix, String url) {
        MateyUrl masked = MateyUrl.parse(url);
        return assertThatThrownBy(run).isInstanceOf(MateyException.class)
                .hasMessageContaining(prefix + (prefix.endsWith("on ") ? masked + ": " : "") + "ClickHouse at " + masked
                        + " sent no answer within socket_timeout (1000 ms, as the URL sets it). If the statement needs "
                        + "longer, raise it on the URL (`socket_timeout=<milliseconds>`, e.g. socket_timeout=7200000 for "
                        + "two hours).")
                .hasMessageNotContaining(TestDatabase.serverBase("clickhouse").password());
    }

    private static LiveDatabase live(TestWorkspace ws) {
        return new LiveDatabase(ws.env(), line -> { });
    }

    private static TargetConfig target(TestWorkspace ws) {
        return ws.matey().target(TestWorkspace.TARGET);
    }
}
