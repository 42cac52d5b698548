package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration edited after a live database applied it: drift is explained by the commit whose checkpoint the live
 * schema still is, and the restore it names makes the database clean again.
 */
class EditedMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void anAppliedMigrationEditedLaterIsNamedWithTheCommitToRestoreItFrom() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "sqlite"); Git git = Git.init().setDirectory(dir.toFile())
                .setInitialBranch("main").call()) {
            h.twoMigrations();
            RevCommit applied = commit(git, "two migrations");
            h.up();
            h.ws.migration("002_two.sql", "CREATE TABLE it_two (id INTEGER PRIMARY KEY, note TEXT);",
                    "DROP TABLE it_two;");
            h.ws.apply();
            commit(git, "edit two");

            LiveDrift drift = h.drift();
            assertThat(drift.status()).isEqualTo("drifted");
            String id = applied.abbreviate(8).name();
            assertThat(h.ws.matey().explainEdits(h.target(), drift)).hasValue("Migration migrations/002_two.sql was "
                    + "edited after this database applied it: the live schema is the committed state at index 2 as of "
                    + "commit " + id + " (\"two migrations\"), and that file has changed since. A migration that has "
                    + "been applied must not be edited (the database will not run it again): restore it with `git "
                    + "checkout " + id + " -- db/core/migrations/002_two.sql`, put the change in a new migration "
                    + "(`matey db new NAME --path db/core`) and run `matey schema apply --path db/core`.");

            git.checkout().setStartPoint(applied).addPath("db/core/migrations/002_two.sql").call();
            h.ws.apply();
            assertThat(h.drift().status()).as("the restore the hint names").isEqualTo("clean");
        }
    }

    @Test
    void driftMadeOutOfBandIsNotCalledAnEdit() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "sqlite"); Git git = Git.init().setDirectory(dir.toFile())
                .setInitialBranch("main").call()) {
            h.twoMigrations();
            commit(git, "two migrations");
            h.up();
            h.db.execute("CREATE TABLE it_out_of_band (id INTEGER);");
            LiveDrift drift = h.drift();
            assertThat(drift.status()).isEqualTo("drifted");
            assertThat(h.ws.matey().explainEdits(h.target(), drift)).isEmpty();
        }
    }

    @Test
    void withoutGitHistoryThereIsNoExplanation() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "sqlite")) {
            h.twoMigrations();
            h.up();
            h.ws.migration("002_two.sql", "CREATE TABLE it_two (id INTEGER PRIMARY KEY, note TEXT);",
                    "DROP TABLE it_two;");
            h.ws.apply();
            assertThat(h.ws.matey().explainEdits(h.target(), h.drift())).isEmpty();
        }
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }
}
