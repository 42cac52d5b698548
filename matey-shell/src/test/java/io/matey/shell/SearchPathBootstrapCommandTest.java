package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.DbmateBinary;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbmate's {@code ?search_path=dbmate,app} on both URLs (docs/architecture.md §3) where the first schema holds more
 * than {@code schema_migrations}: an extension a migration creates unqualified lands there, so {@code schema.sql}
 * creates that schema itself. Replay anchors and {@code db bootstrap} load it, and a database the real dbmate
 * migrated the same way reads clean.
 */
class SearchPathBootstrapCommandTest {

    private static final String SEARCH_PATH = "dbmate,app";

    @TempDir
    Path dir;

    @Test
    void aSchemaSqlThatCreatesTheMigrationsSchemaLoadsAsTheMigrationsBuiltIt() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("postgres"); TestDatabase byDbmate = TestDatabase.create("postgres")) {
            MateyUrl liveUrl = live.urlWithSearchPath(SEARCH_PATH);
            MateyUrl testUrl = MateyUrl.parse(TestDatabase.serverBase("postgres").raw() + "&search_path=" + SEARCH_PATH);
            Map<String, String> env = Map.of("DATABASE_URL", liveUrl.raw(), "TEST_DATABASE_URL", testUrl.raw());
            assertThat(matey(env, "init", "--engine", "postgres").exitCode()).isZero();
            migration("20240101000000_citext.sql", "CREATE EXTENSION IF NOT EXISTS citext;", "DROP EXTENSION citext;");
            assertThat(apply(env)).startsWith("CREATE SCHEMA dbmate;\n")
                    .contains("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA dbmate;");

            // the incremental replay loads the first checkpoint as its anchor
            migration("20240102000000_users.sql", "CREATE SCHEMA app;\nCREATE TABLE app.users (id int PRIMARY KEY, "
                    + "email citext NOT NULL);", "DROP TABLE app.users;\nDROP SCHEMA app;");
            assertThat(apply(env)).contains("email dbmate.citext NOT NULL");

            MateyProcess.Result bootstrap = matey(env, "db", "bootstrap");
            assertThat(bootstrap.exitCode()).as(bootstrap.stdout() + bootstrap.stderr()).isZero();
            assertThat(bootstrap.stdout()).contains("Verified: live schema equals the committed state at index 2");
            assertClean(env, liveUrl);
            Path migrations = dir.resolve("migrations");
            DbmateBinary dbmate = DbmateBinary.installed();
            DbmateBinary.Result status = dbmate.run(liveUrl, migrations, "status");
            assertThat(status.output()).as(status.output()).contains("Applied: 2", "Pending: 0");

            MateyUrl dbmateUrl = byDbmate.urlWithSearchPath(SEARCH_PATH);
            DbmateBinary.Result up = dbmate.run(dbmateUrl, migrations, "--no-dump-schema", "up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertClean(env, dbmateUrl);
        }
    }

    private void assertClean(Map<String, String> env, MateyUrl url) throws Exception {
        MateyProcess.Result drift = matey(env, "db", "drift", "--exit-code", "--url", url.raw());
        assertThat(drift.exitCode()).as(drift.stdout() + drift.stderr()).isZero();
        assertThat(drift.stdout()).contains("Status: clean");
    }

    private String apply(Map<String, String> env) throws Exception {
        MateyProcess.Result apply = matey(env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
        return Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8);
    }

    private void migration(String file, String up, String down) throws Exception {
        Files.writeString(dir.resolve("migrations").resolve(file), "-- migrate:up\n" + up + "\n\n-- migrate:down\n"
                + down + "\n", StandardCharsets.UTF_8);
    }

    private MateyProcess.Result matey(Map<String, String> env, String... args) throws Exception {
        return MateyProcess.run(dir, env, args);
    }
}
