package io.matey.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The branch the GitHub workflow names: origin/HEAD's, else the checked-out one, else main. */
class DefaultBranchTest {

    @TempDir
    Path dir;

    @Test
    void theCheckedOutBranchOfARepositoryWithoutRemote() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call()) {
            assertThat(DefaultBranch.of(dir)).as("before the first commit too").isEqualTo("master");
        }
    }

    @Test
    void originHeadWinsOverTheCheckedOutBranch() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("feature").call()) {
            Files.writeString(dir.resolve("a.txt"), "a");
            git.add().addFilepattern("a.txt").call();
            git.commit().setMessage("a").setSign(false).call();
            var repo = git.getRepository();
            RefUpdate trunk = repo.updateRef("refs/remotes/origin/trunk");
            trunk.setNewObjectId(repo.resolve("HEAD"));
            trunk.update();
            repo.updateRef("refs/remotes/origin/HEAD").link("refs/remotes/origin/trunk");
            assertThat(DefaultBranch.of(dir)).isEqualTo("trunk");
            assertThat(CiPipeline.render(CiProvider.GITHUB, ".", DefaultBranch.of(dir), List.of()))
                    .contains("  push:\n    branches: [\"trunk\"]\n");
        }
    }

    @Test
    void mainWithoutARepository() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        assertThat(DefaultBranch.of(dir)).isEqualTo("main");
    }
}
