package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ClickHouse target through the built {@code ./matey} launcher, as a user runs it: the app bundles the
 * ClickHouse driver, replays into scratch databases on the test server, migrates a live database, reports drift,
 * and prints no password anywhere.
 */
class ClickHouseLauncherIT {

    @TempDir
    Path dir;

    @Test
    void replaysMigratesAndReportsDriftWithoutPrintingThePassword() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            String password = db.url().password();
            Map<String, String> env = Map.of("DATABASE_URL", db.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase("clickhouse").raw());
            Launcher.Result init = Launcher.run(dir, env, "init", "--engine", "clickhouse");
            assertThat(init.exitCode()).as(init.all()).isZero();
            migration("001_events", "CREATE TABLE events (id UInt64, kind LowCardinality(String), "
                    + "at DateTime64(3, 'UTC') CODEC(Delta, ZSTD)) ENGINE = MergeTree ORDER BY (kind, at)", "DROP TABLE events");
            migration("002_daily", "CREATE TABLE daily (day Date, kind String, n UInt64) ENGINE = SummingMergeTree "
                    + "ORDER BY (day, kind)", "DROP TABLE daily");

            Launcher.Result apply = Launcher.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.all()).isZero();
            assertThat(Files.readString(dir.resolve("schema.sql"))).contains("CREATE TABLE events", "CREATE TABLE daily",
                    "ENGINE = SummingMergeTree");

            Launcher.Result up = Launcher.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.all()).isZero();
            assertThat(up.stdout()).contains("migrations/001_events.sql", "migrations/002_daily.sql",
                    "No transactions: clickhouse applied each statement as it ran",
                    "Verified: live schema equals the committed state at index 2");

            db.execute("CREATE TABLE out_of_band (x UInt8) ENGINE = Memory");
            Launcher.Result drift = Launcher.run(dir, env, "db", "drift");
            assertThat(drift.exitCode()).as(drift.all()).isZero();
            assertThat(drift.stdout()).contains("Status: drifted", "CREATE TABLE out_of_band");

            for (Launcher.Result result : new Launcher.Result[] {init, apply, up, drift}) {
                assertThat(result.all()).doesNotContain(password);
            }
        }
    }

    /** The test server's password is known, so a wrong one must be refused: said so, URL masked, no password. */
    @Test
    void aWrongPasswordIsARefusedLoginNamingTheMaskedUrl() throws Exception {
        MateyUrl server = TestDatabase.serverBase("clickhouse");
        String user = server.user() == null ? "default" : server.user();
        String wrong = "Not-The-Pw-" + (server.password() == null ? "" : server.password()) + "-93";
        String hostPort = server.host() + ":" + server.port() + "/default";
        assertThat(Launcher.run(dir, Map.of(), "init", "--engine", "clickhouse").exitCode()).isZero();

        Launcher.Result status = Launcher.run(dir, Map.of(), "db", "status", "--url",
                "clickhouse://" + user + ":" + wrong + "@" + hostPort);
        assertThat(status.exitCode()).as(status.all()).isEqualTo(2);
        assertThat(status.stderr()).startsWith("error: db status failed: the server at clickhouse://" + user + ":****@"
                + hostPort + " refused the login: Code: 516. DB::Exception: " + user + ": Authentication failed");
        assertThat(status.all()).doesNotContain(wrong).doesNotContain("queryId").doesNotContain("ClickHouseNode");
    }

    private void migration(String name, String up, String down) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name + ".sql"), "-- migrate:up\n" + up + ";\n\n-- migrate:down\n"
                + down + ";\n", StandardCharsets.UTF_8);
    }
}
