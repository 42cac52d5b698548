package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code privileges = false} in a PostgreSQL target's config.toml (docs/architecture.md §5), as a user on a managed
 * server sets it: {@code schema apply} writes no privileges, and default privileges a DBA gave by hand before
 * {@code db up} neither make it refuse the database nor count as drift.
 */
class PrivilegesOptOutCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaultPrivilegesGivenByHandAreNoDriftForATargetWithoutPrivileges() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = MateyProcess.init(dir, db, "postgres");
            Files.writeString(dir.resolve("config.toml"), "privileges = false\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("migrations/001_app.sql"), """
                    -- migrate:up
                    CREATE TABLE flags (id bigint PRIMARY KEY);
                    GRANT SELECT ON flags TO PUBLIC;
                    -- migrate:down
                    DROP TABLE flags;
                    """, StandardCharsets.UTF_8);
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("schema.sql"))).contains("CREATE TABLE public.flags")
                    .doesNotContain("GRANT");

            db.execute("ALTER DEFAULT PRIVILEGES GRANT INSERT ON TABLES TO PUBLIC");
            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
            MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
            assertThat(drift.exitCode()).as(drift.stdout() + drift.stderr()).isZero();
            assertThat(drift.stdout()).contains("Status: clean");
        }
    }
}
