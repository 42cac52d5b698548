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
 * A lock whose {@code roles} differ from those the migrations create — written by a Matey that did not record them,
 * or edited by hand, the migrations' digests unchanged — is reported stale by {@code schema status} and
 * {@code lint}, naming the lock and {@code matey schema apply}, with exit 1 under {@code --exit-code}; an edited
 * {@code CREATE ROLE} is the digest's to report (docs/architecture.md §6).
 */
class StaleLockRolesCommandTest {

    private static final String FILE = "migrations/001_reader.sql";

    @TempDir
    Path dir;

    private final String role = "stale_r_" + Long.toString(System.nanoTime() & 0xffffff, 36);
    private final Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase("postgres").raw());

    @Test
    void statusAndLintReportALockWhoseRolesTheMigrationsNoLongerImply() throws Exception {
        assertThat(MateyProcess.run(dir, env, "init", "--engine", "postgres").exitCode()).isZero();
        migration("CREATE ROLE " + role + ";\nCREATE TABLE t (id int);\nGRANT SELECT ON t TO " + role + ";");
        MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        String lock = Files.readString(dir.resolve("schema.lock.toml"));
        assertThat(lock).contains("\nroles = [\"" + role + "\"]\n");
        assertClean();

        write("schema.lock.toml", lock.replace("roles = [\"" + role + "\"]\n", ""));
        assertStale("Lock records no roles for " + FILE + ", but its up section creates roles [\""
                + role + "\"]");

        write("schema.lock.toml", lock.replace("[\"" + role + "\"]", "[\"someone_else\"]"));
        assertStale("Lock records roles [\"someone_else\"] for " + FILE + ", but its up section creates "
                + "roles [\"" + role + "\"]");

        apply = MateyProcess.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("schema.lock.toml"))).isEqualTo(lock);
        assertClean();

        migration("CREATE ROLE " + role + "_renamed;\nCREATE TABLE t (id int);\nGRANT SELECT ON t TO " + role
                + "_renamed;");
        MateyProcess.Result edited = MateyProcess.run(dir, env, "schema", "status", "--exit-code");
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.stdout()).as("an edit changes the digest, which says so once")
                .contains("coherence-migration-digest-mismatch").doesNotContain("coherence-step-roles-mismatch");
    }

    private void assertStale(String detail) throws Exception {
        MateyProcess.Result status = MateyProcess.run(dir, env, "schema", "status", "--exit-code");
        assertThat(status.exitCode()).as(status.stdout() + status.stderr()).isEqualTo(1);
        assertThat(status.stdout()).contains("stale", "coherence-step-roles-mismatch", detail,
                "run `matey schema apply` to replay from that migration and rewrite the lock");
        MateyProcess.Result lint = MateyProcess.run(dir, env, "lint", "--exit-code");
        assertThat(lint.exitCode()).as(lint.stdout() + lint.stderr()).isEqualTo(1);
        assertThat(lint.stdout()).contains("ERROR   L210 schema.lock.toml " + detail,
                "hint: run `matey schema apply` to replay from that migration and rewrite the lock");
    }

    private void assertClean() throws Exception {
        MateyProcess.Result status = MateyProcess.run(dir, env, "schema", "status", "--exit-code");
        assertThat(status.exitCode()).as(status.stdout() + status.stderr()).isZero();
        MateyProcess.Result lint = MateyProcess.run(dir, env, "lint", "--exit-code");
        assertThat(lint.stdout()).doesNotContain("L210");
    }

    private void migration(String up) throws Exception {
        write(FILE, "-- migrate:up\n" + up + "\n\n-- migrate:down\nDROP TABLE t;\nDROP ROLE " + role + ";\n");
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text, StandardCharsets.UTF_8);
    }
}
