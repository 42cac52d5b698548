package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.artifact.Digests;
import io.matey.testing.DbmateBinary;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration saved with CRLF line ends runs with the file's text as it is, as dbmate sends it (README "Workspace and
 * target layout"): a comment or a function body spanning lines is stored the same by both tools, so a database
 * dbmate migrated is no drift; the lock digests the file's bytes, and errors name the file's lines.
 */
class CrlfMigrationCommandTest {

    private static final String QUERY = "SELECT obj_description('public.u'::regclass, 'pg_class') || '|'"
            + " || (SELECT prosrc FROM pg_proc WHERE proname = 'f')";

    @TempDir
    Path dir;

    @Test
    void aCrlfMigrationStoresWhatDbmateStoresAndItsDatabaseIsNoDrift() throws Exception {
        try (TestDatabase ours = TestDatabase.create("postgres"); TestDatabase theirs = TestDatabase.create("postgres")) {
            Map<String, String> env = MateyProcess.init(dir, ours, "postgres");
            byte[] file = ("-- migrate:up\r\nCREATE TABLE u (id int);\r\nCOMMENT ON TABLE u IS 'line1\r\nline2';\r\n"
                    + "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\r\nBEGIN\r\n  RETURN 1;\r\nEND $$;\r\n\r\n"
                    + "-- migrate:down\r\nDROP FUNCTION f();\r\nDROP TABLE u;\r\n").getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("migrations/001_u.sql"), file);

            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("schema.lock.toml")))
                    .contains("migration_digest = \"" + Digests.digest(file) + "\"");
            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
            DbmateBinary.Result theirUp = DbmateBinary.installed().run(theirs.url(), dir.resolve("migrations"),
                    "--no-dump-schema", "up");
            assertThat(theirUp.exitCode()).as(theirUp.output()).isZero();
            assertThat(ours.firstColumn(QUERY)).isEqualTo(theirs.firstColumn(QUERY))
                    .containsExactly("line1\r\nline2|\r\nBEGIN\r\n  RETURN 1;\r\nEND ");

            Map<String, String> onTheirs = new HashMap<>(env);
            onTheirs.put("DATABASE_URL", theirs.url().raw());
            MateyProcess.Result drift = MateyProcess.run(dir, onTheirs, "db", "drift", "--exit-code");
            assertThat(drift.exitCode()).as(drift.stdout() + drift.stderr()).isZero();
            assertThat(drift.stdout()).contains("Status: clean");

            Files.write(dir.resolve("migrations/002_v.sql"), List.of("-- migrate:up\r", "CREATE TABLE v (id int);\r",
                    "\r", "SELECT nope;\r", "-- migrate:down\r", "DROP TABLE v;\r"));
            MateyProcess.Result broken = MateyProcess.run(dir, env, "schema", "plan");
            assertThat(broken.exitCode()).isEqualTo(2);
            assertThat(broken.stderr()).contains("migrations/002_v.sql:4: up section failed");
        }
    }
}
