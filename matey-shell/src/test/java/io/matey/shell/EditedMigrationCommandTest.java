package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration edited after the live database applied it, in a git checkout: {@code db drift} and the commands that
 * fail on drift name the edit and the commit to restore it from, not only the diff (real SQLite).
 */
class EditedMigrationCommandTest {

    @TempDir
    Path dir;

    @Test
    void driftUpAndDownNameTheEditedMigration() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        migration("001_t1.sql", "CREATE TABLE t1 (id BIGINT PRIMARY KEY)");
        migration("002_t2.sql", "CREATE TABLE t2 (id BIGINT PRIMARY KEY)");
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit applied = GitWorkspace.commit(git, "t1 and t2");
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            migration("002_t2.sql", "CREATE TABLE t2 (id BIGINT PRIMARY KEY, name TEXT)");
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            GitWorkspace.commit(git, "t2 gets a name");
            String edited = "Migration migrations/002_t2.sql was edited after this database applied it: the live "
                    + "schema is the committed state at index 2 as of commit " + applied.abbreviate(8).name();
            String restore = "restore it with `git checkout " + applied.abbreviate(8).name()
                    + " -- migrations/002_t2.sql`";

            MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift");
            assertThat(drift.stdout()).contains("Status: drifted", "Edited: " + edited, restore, "+++ live/schema.sql")
                    .as("an edit is restored, not kept as a new migration").doesNotContain("--from-drift");
            assertThat(MateyProcess.run(dir, env, "db", "drift", "--format", "json").stdout())
                    .contains("\"edited\": \"" + edited);
            for (String command : new String[] {"up", "down"}) {
                MateyProcess.Result failed = MateyProcess.run(dir, env, "db", command);
                assertThat(failed.exitCode()).as(failed.stderr()).isEqualTo(2);
                assertThat(failed.stderr()).contains(edited, restore);
            }
        }
    }

    private void migration(String name, String up) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name), "-- migrate:up\n" + up + ";\n-- migrate:down\n"
                + "DROP TABLE " + name.substring(4, 6) + ";\n", StandardCharsets.UTF_8);
    }
}
