package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * {@code db status} on a server whose database does not exist yet: every migration pending, with a note, rather than
 * dbmate's error; {@code db drift} has nothing to compare, which is no drift; {@code db plan} says what
 * {@code db up} would do; a server that cannot be reached or refuses the login is still an error, and so is a SQLite
 * file in a directory that does not exist, which {@code db up} would not create.
 */
class DbStatusMissingDatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix(servers = true)
    void aMissingDatabaseListsEveryMigrationAsPending(String engine) throws Exception {
        try (TestDatabase db = TestDatabase.unborn(engine)) {
            String url = db.url().raw();
            Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase(engine).raw(), "DATABASE_URL", url);
            assertThat(MateyProcess.run(dir, env, "init", "--engine", TestEngines.named(engine).engineId()).exitCode())
                    .isZero();
            Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id int);\n\n"
                    + "-- migrate:down\nDROP TABLE a;\n");
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();

            MateyProcess.Result status = MateyProcess.run(dir, env, "db", "status");
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).isEqualTo("[ ] migrations/001_a.sql\n\nApplied: 0\nPending: 1\n"
                    + "The database does not exist yet; `matey db up` creates it and applies them.\n");
            assertThat(MateyProcess.run(dir, env, "db", "status", "--exit-code").exitCode()).isEqualTo(1);
            assertThat(MateyProcess.run(dir, env, "db", "status", "--format", "json").stdout())
                    .contains("\"pending\": 1,", "\"database_exists\": false");
            MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
            assertThat(drift.exitCode()).as("nothing to compare is no drift: " + drift.stderr()).isZero();
            assertThat(drift.stdout()).isEqualTo("Applied index: 0  Status: missing\n"
                    + "The database does not exist yet: nothing to compare. `matey db up` creates it.\n");
            assertThat(MateyProcess.run(dir, env, "db", "drift", "--format", "json").stdout())
                    .contains("\"status\": \"missing\",", "\"diff\": \"\",", "\"draft\": null");
            MateyProcess.Result plan = MateyProcess.run(dir, env, "db", "plan", "--diff");
            assertThat(plan.exitCode()).as(plan.stderr()).isZero();
            assertThat(plan.stdout()).isEqualTo("Applied  Target  Status\n0        1       missing\n"
                    + "The database does not exist yet: `matey db up` creates it and applies the 1 pending migration(s), "
                    + "reaching the head schema (`matey db plan --sql` prints it).\n");
            assertThat(MateyProcess.run(dir, env, "db", "plan", "--exit-code").exitCode())
                    .as("not at its head, as db status --exit-code").isEqualTo(1);
            assertThat(MateyProcess.run(dir, env, "db", "plan", "--sql").stdout())
                    .isEqualTo(Files.readString(dir.resolve("schema.sql")));
            assertThat(MateyProcess.run(dir, env, "db", "plan", "--format", "json").stdout())
                    .contains("\"applied\": 0,", "\"target_index\": 1,", "\"status\": \"missing\",", "\"diff\": \"\",");
            MateyProcess.Result keep = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
            assertThat(keep.exitCode()).isEqualTo(2);
            assertThat(keep.stderr()).contains("No drift to keep: live database ", " does not exist. Nothing written.");
            assertThat(db.engine().databaseExists(db.url())).as("status, drift and plan create nothing").isFalse();

            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as("the note's promise: " + up.stderr()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "status").stdout())
                    .isEqualTo("[X] migrations/001_a.sql\n\nApplied: 1\nPending: 0\n");

            MateyProcess.Result refused = MateyProcess.run(dir, env, "db", "status", "--url",
                    url.replaceFirst("://[^@]*@", "://matey_nobody:wrong@"));
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("refused the login").doesNotContain("wrong");
            MateyProcess.Result unreachable = MateyProcess.run(dir, env, "db", "status", "--url",
                    url.replaceFirst("@[^/]*/", "@127.0.0.1:1/"));
            assertThat(unreachable.exitCode()).isEqualTo(2);
            assertThat(unreachable.stderr()).contains("cannot reach the server");
        }
    }

    @Test
    void aSqliteUrlInAMissingDirectoryIsRefusedRatherThanCreated() throws Exception {
        Path missing = dir.resolve("mistyped");
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + missing.resolve("app.sqlite3"));
        assertThat(MateyProcess.run(dir, env, "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id int);\n\n"
                + "-- migrate:down\nDROP TABLE a;\n");
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();

        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.stderr()).contains("directory " + missing + " does not exist", "Correct the path in the URL");
        // The reports do not promise what db up refuses: no "db up creates it" for such a path.
        for (String command : new String[] {"status", "drift", "plan"}) {
            MateyProcess.Result report = MateyProcess.run(dir, env, "db", command);
            assertThat(report.exitCode()).as("db %s\n%s", command, report.stdout()).isEqualTo(2);
            assertThat(report.stderr()).isEqualTo("error: No SQLite database " + missing.resolve("app.sqlite3")
                    + ": directory " + missing + " does not exist. Correct the path in the URL, or create the directory "
                    + "first (mkdir -p " + missing + ").\n");
        }
        assertThat(missing).doesNotExist();
    }

    /**
     * {@code db up} refuses a target without migrations and creates nothing, so the reports do not say it creates the
     * database: they say it does once the target has a migration, and name the commands that write one.
     */
    @ParameterizedTest
    @EngineMatrix
    void aMissingDatabaseWithoutMigrationsIsCreatedOnceTheTargetHasOne(String engine) throws Exception {
        try (TestDatabase db = TestDatabase.unborn(engine)) {
            Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase(engine).raw(),
                    "DATABASE_URL", db.url().raw());
            assertThat(MateyProcess.run(dir, env, "init", "--engine", TestEngines.named(engine).engineId()).exitCode())
                    .isZero();
            String once = "`matey db up` creates it once the target has a migration (`matey db new NAME`, then "
                    + "`matey schema apply`).\n";
            MateyProcess.Result status = MateyProcess.run(dir, env, "db", "status");
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).isEqualTo("\nApplied: 0\nPending: 0\nThe database does not exist yet; " + once);
            assertThat(MateyProcess.run(dir, env, "db", "drift").stdout()).isEqualTo("Applied index: 0  Status: missing\n"
                    + "The database does not exist yet: nothing to compare. " + once);
            assertThat(MateyProcess.run(dir, env, "db", "plan").stdout()).isEqualTo("Applied  Target  Status\n"
                    + "0        0       missing\nThe database does not exist yet: " + once);

            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).isEqualTo(2);
            assertThat(up.stderr()).contains("db up needs a migration");
            assertThat(db.engine().databaseExists(db.url())).as("db up without a migration creates nothing").isFalse();

            assertThat(MateyProcess.run(dir, env, "db", "new", "a").exitCode()).isZero();
            try (var files = Files.list(dir.resolve("migrations"))) {
                Files.writeString(files.findFirst().orElseThrow(), "-- migrate:up\nCREATE TABLE a (id int);\n\n"
                        + "-- migrate:down\nDROP TABLE a;\n");
            }
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            MateyProcess.Result created = MateyProcess.run(dir, env, "db", "up");
            assertThat(created.exitCode()).as("the note's promise: " + created.stderr()).isZero();
            assertThat(db.engine().databaseExists(db.url())).isTrue();
        }
    }
}
