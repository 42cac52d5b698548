package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matey db adopt} and {@code --lock-timeout} through the built {@code ./matey} launcher on a real
 * PostgreSQL server: a database built by hand to equal checkpoint 3 of 5 is adopted at 3 (dry run first) and
 * migrated to 5; one equal to no checkpoint is refused; a held migration lock fails a bounded wait naming its holder.
 */
class DbAdoptLauncherIT {

    @TempDir
    Path dir;

    @Test
    void adoptsAtTheMatchingCheckpointThenMigratesTheRest() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = workspace(db);
            for (int i = 1; i <= 3; i++) {
                db.execute(table(i));
            }

            Launcher.Result dryRun = Launcher.run(dir, env, "db", "adopt");
            assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
            assertThat(dryRun.stdout()).contains("checkpoints/003_t3.sql", "Dry run: would record 3 version(s) 001..003",
                    "--apply");
            Launcher.Result status = Launcher.run(dir, env, "db", "status");
            assertThat(status.stdout()).contains("Applied: 0");

            Launcher.Result adopted = Launcher.run(dir, env, "db", "adopt", "--apply");
            assertThat(adopted.exitCode()).as(adopted.all()).isZero();
            assertThat(adopted.stdout()).contains("Adopted: recorded 3 version(s) 001..003", "Pending: 2");

            Launcher.Result migrated = Launcher.run(dir, env, "db", "migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            assertThat(migrated.stdout()).containsPattern("migrate\\s+3\\s+5").contains("migrations/004_t4.sql",
                    "migrations/005_t5.sql");
        }
    }

    @Test
    void aDatabaseEqualToNoCheckpointIsRefusedWithTheClosestIndex() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = workspace(db);
            db.execute(table(1));
            db.execute("CREATE INDEX t1_by_name ON t1 (name)");

            Launcher.Result refused = Launcher.run(dir, env, "db", "adopt", "--apply");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("Closest: index 1 (checkpoints/001_t1.sql)",
                    "--- checkpoints/001_t1.sql\n+++ live/schema.sql",
                    "t1_by_name", "nothing was recorded");
        }
    }

    @Test
    void aHeldMigrationLockFailsTheBoundedWaitNamingItsHolder() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection holder = db.connect()) {
            Map<String, String> env = workspace(db);
            int pid;
            try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?), pg_backend_pid()")) {
                ps.setLong(1, 0x6d61746579L);
                var rs = ps.executeQuery();
                rs.next();
                pid = rs.getInt(2);
            }
            Launcher.Result up = Launcher.run(dir, env, "db", "up", "--lock-timeout", "1s");
            assertThat(up.exitCode()).isEqualTo(2);
            assertThat(up.stderr()).contains("was not released within 1s; it is held by PostgreSQL backend " + pid,
                    "raise the bound (--lock-timeout).", "SELECT pg_terminate_backend(" + pid + ");");

            Launcher.Result bad = Launcher.run(dir, env, "db", "up", "--lock-timeout", "soon");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.stderr()).contains("--lock-timeout must be a duration such as 500ms, 30s, 5m or 1h");
        }
    }

    /** A PostgreSQL workspace with five one-table migrations replayed into artifacts, and its environment. */
    private Map<String, String> workspace(TestDatabase db) throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", db.url().raw(), "TEST_DATABASE_URL",
                TestDatabase.serverBase("postgres").raw());
        Launcher.Result init = Launcher.run(dir, env, "init", "--engine", "postgres");
        assertThat(init.exitCode()).as(init.all()).isZero();
        for (int i = 1; i <= 5; i++) {
            Files.writeString(dir.resolve("migrations/00" + i + "_t" + i + ".sql"), "-- migrate:up\n" + table(i)
                    + ";\n-- migrate:down\nDROP TABLE t" + i + ";\n", StandardCharsets.UTF_8);
        }
        Launcher.Result apply = Launcher.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.all()).isZero();
        return env;
    }

    private static String table(int i) {
        return "CREATE TABLE t" + i + " (id BIGINT PRIMARY KEY, name TEXT)";
    }
}
