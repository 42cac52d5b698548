package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db status} reports what {@code db up}, {@code db drift} and {@code db plan} refuse: an applied migration
 * edited since (Flyway's {@code validate}, which users map to it) and stale artifacts, with the way forward, and
 * {@code --exit-code} fails on them; on a database that does not exist yet its note names no command that would
 * refuse (real PostgreSQL).
 */
class DbStatusStaleArtifactsTest {

    private static final String MIGRATION = "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n"
            + "-- migrate:down\nDROP TABLE users;\n";

    @TempDir
    Path dir;

    @Test
    void anAppliedMigrationEditedSinceIsAProblem() throws Exception {
        try (TestDatabase live = TestDatabase.create("postgres")) {
            Map<String, String> env = replayed(live);
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "status", "--exit-code").exitCode()).isZero();
            Files.writeString(migration(), MIGRATION + "-- x\n", StandardCharsets.UTF_8);

            MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift");
            assertThat(drift.exitCode()).isEqualTo(2);
            assertThat(drift.stderr()).contains("coherence-migration-digest-mismatch");
            MateyProcess.Result status = MateyProcess.run(dir, env, "db", "status", "--exit-code");
            assertThat(status.exitCode()).as(status.stdout() + status.stderr()).isEqualTo(1);
            String problem = "Problem: the schema artifacts are stale (migrations/001_users.sql, "
                    + "schema.lock.toml; `matey schema status` says why); `db up`, `db drift` and `db plan` refuse them: "
                    + "migrations/001_users.sql is already applied on ";
            assertThat(status.stdout()).startsWith("[X] migrations/001_users.sql\n\nApplied: 1\nPending: 0\n"
                    + problem).contains(": editing it will not change that database. Restore it (`",
                    "put the change in a new migration (`matey db new NAME`); then `matey schema apply` brings the "
                            + "artifacts up to date.\n");
            assertThat(MateyProcess.run(dir, env, "db", "status", "--format", "json").stdout())
                    .contains("\"problem\": \"" + problem.substring("Problem: ".length()));
        }
    }

    @Test
    void aMissingDatabaseWithStaleArtifactsNamesNoRefusingCommand() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("postgres")) {
            Map<String, String> env = replayed(live);
            Files.writeString(migration(), MIGRATION + "-- x\n", StandardCharsets.UTF_8);

            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isEqualTo(2);
            MateyProcess.Result status = MateyProcess.run(dir, env, "db", "status");
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).isEqualTo("[ ] migrations/001_users.sql\n\nApplied: 0\nPending: 1\n"
                    + "The database does not exist yet.\nProblem: the schema artifacts are stale "
                    + "(migrations/001_users.sql, schema.lock.toml; `matey schema status` says why); `db up`, `db drift` "
                    + "and `db plan` refuse them: Run `matey schema apply` to bring them up to date.\n");
            assertThat(live.engine().databaseExists(live.url())).isFalse();
        }
    }

    /** A PostgreSQL workspace on {@code live} whose one migration {@code schema apply} replayed; its environment. */
    private Map<String, String> replayed(TestDatabase live) throws Exception {
        Map<String, String> env = MateyProcess.init(dir, live, "postgres");
        Files.writeString(migration(), MIGRATION, StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        return env;
    }

    private Path migration() {
        return dir.resolve("migrations/001_users.sql");
    }
}
