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
 * {@code db up} on real MariaDB refuses, with exit 2 and before any migration runs, a live database whose default
 * character set is not that of the replay's scratch database, which {@code schema apply} records in the lock; after the
 * {@code ALTER DATABASE} the message names, it migrates.
 */
class ReplayServerRefusalCommandTest {

    @TempDir
    Path dir;

    @Test
    void upRefusesADatabaseOfAnotherCharacterSetBeforeAnyMigrationRuns() throws Exception {
        try (TestDatabase db = TestDatabase.create("mysql")) {
            Map<String, String> env = MateyProcess.init(dir, db, "mysql");
            Files.writeString(dir.resolve("migrations/001_t.sql"), "-- migrate:up\nCREATE TABLE t (id INT PRIMARY KEY, "
                    + "name VARCHAR(20));\n-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            assertThat(Files.readString(dir.resolve("schema.lock.toml"))).contains("replay_charset = \"utf8mb4\"\n");
            db.execute("ALTER DATABASE `" + db.url().path() + "` CHARACTER SET latin1");

            MateyProcess.Result refused = MateyProcess.run(dir, env, "db", "up");

            assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(2);
            assertThat(refused.stderr()).contains("db up refused before running anything on " + db.url() + ": "
                    + "schema.lock.toml of target '.' records that its artifacts were replayed on MariaDB 10.11 in a "
                    + "database of default character set utf8mb4 and collation utf8mb4_general_ci, but this database's "
                    + "are latin1 and latin1_swedish_ci")
                    .contains("`ALTER DATABASE `" + db.url().path() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;`")
                    .contains("`matey schema apply --clean` with TEST_DATABASE_URL (test_url)");
            assertThat(db.firstColumn("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"))
                    .isEmpty();

            db.execute("ALTER DATABASE `" + db.url().path() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            assertThat(db.firstColumn("SELECT version FROM schema_migrations")).containsExactly("001");
        }
    }
}
