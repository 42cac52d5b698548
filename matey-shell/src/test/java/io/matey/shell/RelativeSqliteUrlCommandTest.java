package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relative SQLite path in a target's URL variable names a file under the workspace root, whichever directory of the
 * workspace a command runs in; one given with {@code --url} is a command-line path, relative to the current
 * directory. {@code Created database} names the file by its absolute path.
 */
class RelativeSqliteUrlCommandTest {

    @TempDir
    Path dir;

    @Test
    void theUrlVariableMeansOneDatabaseFromEveryDirectoryOfTheWorkspace() throws Exception {
        Path root = dir.toRealPath();
        Git.init().setDirectory(root.toFile()).call().close(); // found from a subdirectory within its git work tree
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite:dev.sqlite3", "TEST_DATABASE_URL", "sqlite:test.sqlite3");
        assertThat(MateyProcess.run(root, env, "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(root.resolve("migrations/001_a.sql"),
                "-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n");
        assertThat(MateyProcess.run(root, env, "schema", "apply").exitCode()).isZero();
        Path sub = Files.createDirectories(root.resolve("sub/x"));

        MateyProcess.Result up = MateyProcess.run(sub, env, "db", "up");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stdout()).contains("Created database sqlite:" + root.resolve("dev.sqlite3") + "\n");
        assertThat(root.resolve("dev.sqlite3")).exists();
        assertThat(sub.resolve("dev.sqlite3")).doesNotExist();
        assertThat(MateyProcess.run(root, env, "db", "status").stdout()).contains("Applied: 1\nPending: 0\n");

        MateyProcess.Result given = MateyProcess.run(sub, env, "db", "up", "--url", "sqlite:own.sqlite3");
        assertThat(given.exitCode()).as(given.stderr()).isZero();
        assertThat(given.stdout()).contains("Created database sqlite:" + sub.resolve("own.sqlite3") + "\n");
    }
}
