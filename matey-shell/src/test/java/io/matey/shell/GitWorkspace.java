package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

/** A SQLite workspace in a git checkout, as the tests of git-aware commands set it up. */
final class GitWorkspace {

    private GitWorkspace() {
    }

    /** Runs {@code matey init} in {@code dir} and keeps the live database out of git; returns the environment. */
    static Map<String, String> initSqlite(Path dir) throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        assertThat(MateyProcess.run(dir, env, "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve(".gitignore"), "*.sqlite3\n");
        return env;
    }

    /** Commits every file of the checkout. */
    static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }
}
