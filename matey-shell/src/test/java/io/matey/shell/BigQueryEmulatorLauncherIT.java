package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.bigquery.BigQueryRestDouble;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code bigquery-emulator} target through the built {@code ./matey} launcher, as a user runs it, against
 * {@code BigQueryRestDouble} (an in-process test double of the REST API, not the emulator): the app bundles Google's
 * client, replays into scratch datasets, migrates a live dataset saying that nothing ran in a transaction, and
 * reports drift.
 */
class BigQueryEmulatorLauncherIT {

    @TempDir
    Path dir;

    @Test
    void replaysMigratesAndReportsDriftThroughTheClient() throws Exception {
        try (BigQueryRestDouble bigquery = new BigQueryRestDouble()) {
            String project = "bigquery-emulator://" + bigquery.endpoint() + "/matey/us/";
            Map<String, String> env = Map.of("DATABASE_URL", project + "live", "TEST_DATABASE_URL", project + "scratch");
            Launcher.Result init = Launcher.run(dir, env, "init", "--engine", "bigquery-emulator");
            assertThat(init.exitCode()).as(init.all()).isZero();
            migration("001_events", "CREATE TABLE events (id INT64 NOT NULL, kind STRING(20), at TIMESTAMP)",
                    "DROP TABLE events");
            migration("002_accounts", "CREATE TABLE accounts (id INT64 NOT NULL, opened DATE);\n"
                    + "ALTER TABLE events ADD COLUMN account_id INT64", "ALTER TABLE events DROP COLUMN account_id;\n"
                    + "DROP TABLE accounts");

            Launcher.Result apply = Launcher.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.all()).isZero();
            assertThat(Files.readString(dir.resolve("schema.sql"))).contains("CREATE TABLE `accounts`",
                    "CREATE TABLE `events`", "kind STRING(20)", "account_id INT64").doesNotContain("scratch");

            Launcher.Result up = Launcher.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.all()).isZero();
            assertThat(up.stdout()).contains("migrations/001_events.sql", "migrations/002_accounts.sql",
                    "No transactions: bigquery-emulator applied each statement as it ran",
                    "Verified: live schema equals the committed state at index 2");

            Engine engine = Engines.byId("bigquery-emulator");
            try (Connection live = engine.connect(MateyUrl.parse(project + "live"))) {
                engine.load(live, "CREATE TABLE out_of_band (x INT64);");
            }
            Launcher.Result drift = Launcher.run(dir, env, "db", "drift");
            assertThat(drift.exitCode()).as(drift.all()).isZero();
            assertThat(drift.stdout()).contains("Status: drifted", "CREATE TABLE `out_of_band`");
            assertThat(bigquery.calls()).as("the launcher's client talked to the double").anyMatch(c -> c.contains("/queries"));
        }
    }

    private void migration(String name, String up, String down) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name + ".sql"), "-- migrate:up\n" + up + ";\n\n-- migrate:down\n"
                + down + ";\n", StandardCharsets.UTF_8);
    }
}
