package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite database this user cannot write (its directory, where the migration lock file and SQLite's journal go,
 * or the file itself) is named as the fault, with what to do, in one line: not the migration's, nor Matey's.
 */
class SqliteUnwritableCommandTest {

    @TempDir
    Path dir;

    /** Paths made immutable, to make writable again so that the temporary directory can be deleted. */
    private final List<Path> immutable = new ArrayList<>();

    @AfterEach
    void writableAgain() throws Exception {
        for (Path path : immutable) {
            new ProcessBuilder("chattr", "-i", path.toString()).start().waitFor();
        }
    }

    /** Makes {@code path} unwritable: immutable as root (whom permissions do not stop), read-only for anyone else. */
    private void unwritable(Path path) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x"
                    : "r--r--r--"));
            return;
        }
        Process chattr = new ProcessBuilder("chattr", "+i", path.toString()).redirectErrorStream(true).start();
        String output = new String(chattr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(chattr.waitFor() == 0, "chattr +i, which root needs here: " + output);
        immutable.add(path);
    }

    /** A SQLite workspace with one migration, its artifacts written. */
    private void workspace() throws Exception {
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/20240101000000_t.sql"),
                "-- migrate:up\nCREATE TABLE t (id INT);\n-- migrate:down\nDROP TABLE t;\n");
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "apply").exitCode()).isZero();
    }

    @Test
    void aDirectoryWhereTheLockFileCannotBeCreatedIsNamedWithWhatToDo() throws Exception {
        workspace();
        Path live = Files.createDirectories(dir.resolve("live"));
        Files.createFile(live.resolve("live.db"));
        unwritable(live);
        MateyProcess.Result up = MateyProcess.run(dir, Map.of(), "db", "up", "--url", "sqlite3:live/live.db");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.stderr()).startsWith("error: Cannot create the migration lock file " + live.resolve(
                "live.db.matey-lock") + " (").endsWith("): Matey locks a SQLite database with a file beside it, so the "
                        + "database's directory " + live + " must be writable by the user Matey runs as (as SQLite's own "
                        + "journal needs). Make it writable, or move the database to a directory that is, and run again.\n")
                .doesNotContain("Exception");
    }

    @Test
    void aDatabaseFileThatCannotBeWrittenIsNamedInsteadOfTheMigration() throws Exception {
        workspace();
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:live.db");
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "down").exitCode()).isZero();
        unwritable(dir.resolve("live.db"));
        String refused = "migrations/20240101000000_t.sql:2: up section failed: attempt to write a readonly database. "
                + "Statement: 'CREATE TABLE t (id INT)'. The section was rolled back and its version is not recorded; "
                + "the database cannot be written, whatever the statement: make " + dir.resolve("live.db") + " and its "
                + "directory writable by the user Matey runs as (SQLite writes its journal beside the file) and run again.\n";
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.stderr()).isEqualTo("error: db up failed: " + refused);
        MateyProcess.Result dbmate = MateyProcess.run(dir, env, "dbmate", "-d", "migrations", "up");
        assertThat(dbmate.exitCode()).isEqualTo(2);
        assertThat(dbmate.stderr()).isEqualTo("error: " + refused.replace("migrations/", ""));

        // a database without a migrations table yet fails when db up creates it, before any migration runs
        Path empty = Files.createFile(dir.resolve("empty.db"));
        unwritable(empty);
        MateyProcess.Result fresh = MateyProcess.run(dir, Map.of(), "db", "up", "--url", "sqlite3:empty.db");
        assertThat(fresh.exitCode()).isEqualTo(2);
        assertThat(fresh.stderr()).as("the relative path named absolute")
                .isEqualTo("error: db up failed on sqlite3:" + empty + ": attempt to write a readonly "
                + "database; the database cannot be written, whatever the statement: make " + empty + " and its "
                + "directory writable by the user Matey runs as (SQLite writes its journal beside the file) and run "
                + "again.\n");
    }
}
