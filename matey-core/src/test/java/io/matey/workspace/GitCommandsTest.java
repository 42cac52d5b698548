package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git commands advice gives work when pasted into a shell where matey ran: at the workspace root, inside the
 * target, beside it in the repository, and outside the repository (with {@code --workspace}).
 */
class GitCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aRenamePastedWhereMateyRanMovesTheFile() throws Exception {
        Path repo = dir.resolve("repo");
        Path target = repo.resolve("db/core");
        Files.createDirectories(target.resolve("migrations"));
        Files.createDirectories(repo.resolve("app"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(target.resolve("migrations/1_a.sql"), "SELECT 1;\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("a").setSign(false).call();
        }
        String from = "migrations/1_a.sql";
        int step = 2;
        for (Path cwd : List.of(repo, target, repo.resolve("app"), dir.resolve("elsewhere"))) {
            String to = "migrations/" + step++ + "_a.sql";
            String command = new GitCommands(cwd, target).command("mv", List.of(from, to));
            assertThat(run(cwd, command)).as(command + " in " + cwd).isZero();
            assertThat(target.resolve(to)).as(command).exists();
            from = to;
        }
        assertThat(new GitCommands(target, target).command("mv", List.of("migrations/2_a.sql", "migrations/3_a.sql")))
                .isEqualTo("git mv migrations/2_a.sql migrations/3_a.sql");
        assertThat(new GitCommands(repo.resolve("app"), target).command("restore", List.of("migrations/2_a.sql")))
                .isEqualTo("git restore ../db/core/migrations/2_a.sql");
        assertThat(new GitCommands(dir.resolve("elsewhere"), target).command("restore", List.of("migrations/2_a.sql")))
                .as("git finds no repository outside it").isEqualTo("git -C ../repo restore db/core/migrations/2_a.sql");
    }

    @Test
    void aRenameOfAFileGitDoesNotTrackIsAPlainMoveThatWorks() throws Exception {
        Path repo = dir.resolve("repo");
        Path target = repo.resolve("db/core");
        Files.createDirectories(target.resolve("migrations"));
        Files.writeString(target.resolve("migrations/1_a.sql"), "SELECT 1;\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("a").setSign(false).call();
        }
        Files.writeString(target.resolve("migrations/2_new.sql"), "SELECT 2;\n");
        GitCommands commands = new GitCommands(repo, target);
        assertThat(commands.move("migrations/1_a.sql", "migrations/3_a.sql"))
                .isEqualTo("git mv db/core/migrations/1_a.sql db/core/migrations/3_a.sql");
        String untracked = commands.move("migrations/2_new.sql", "migrations/4_new.sql");
        assertThat(untracked).isEqualTo("mv db/core/migrations/2_new.sql db/core/migrations/4_new.sql");
        assertThat(run(repo, "git " + untracked)).as("git mv refuses it").isNotZero();
        assertThat(run(repo, untracked)).isZero();
        assertThat(target.resolve("migrations/4_new.sql")).exists();

        Path plain = dir.resolve("plain");
        Files.createDirectories(plain.resolve("migrations"));
        Files.writeString(plain.resolve("migrations/1_a.sql"), "SELECT 1;\n");
        assertThat(new GitCommands(plain, plain).move("migrations/1_a.sql", "migrations/2_a.sql"))
                .as("outside any repository").isEqualTo("mv migrations/1_a.sql migrations/2_a.sql");
    }

    @Test
    void aPathTheShellWouldSplitIsQuoted() {
        Path target = dir.resolve("my db");
        assertThat(new GitCommands(dir, target).command("restore", List.of("migrations/it's.sql")))
                .isEqualTo("git restore 'my db/migrations/it'\\''s.sql'");
    }

    private static int run(Path cwd, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).directory(cwd.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            System.err.println(output);
        }
        return code;
    }
}
