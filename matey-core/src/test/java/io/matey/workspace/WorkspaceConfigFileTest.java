package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceConfigFileTest {

    @TempDir
    Path root;

    @Test
    void flatMateyTomlListsTheTargets() throws Exception {
        Path file = Files.writeString(root.resolve("matey.toml"), "# the targets\ntargets = [\"db\", \"apps/other\"]\n");
        assertThat(WorkspaceLoader.configFile(root)).isEqualTo(file);
        assertThat(WorkspaceLoader.targetNames(root, file)).containsExactly("db", "apps/other");
    }

    @Test
    void pyprojectHoldsTheWorkspaceUnderToolMatey() throws Exception {
        Path file = Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"app\"\n\n"
                + "[tool.black]\nline-length = 100\n\n[tool.matey]\ntargets = [\n  \"db\",\n]\n");
        assertThat(WorkspaceLoader.configFile(root)).isEqualTo(file);
        assertThat(WorkspaceLoader.targetNames(root, file)).containsExactly("db");
    }

    @Test
    void pyprojectWithoutToolMateyIsNoWorkspace() throws Exception {
        Files.writeString(root.resolve("pyproject.toml"), "[tool.black]\nline-length = 100\n");
        assertThat(WorkspaceLoader.configFile(root)).isNull();
    }

    @Test
    void toolMateyThatIsNoTableIsRefused() throws Exception {
        Path file = Files.writeString(root.resolve("pyproject.toml"), "[tool]\nmatey = \"db\"\n");
        assertThatThrownBy(() -> WorkspaceLoader.targetNames(root, file)).isInstanceOf(MateyException.class)
                .hasMessage("Invalid pyproject.toml: [tool.matey] must be a table.");
    }

    @Test
    void targetsThatAreNoStringArrayAreRefused() throws Exception {
        Path file = Files.writeString(root.resolve("matey.toml"), "targets = [1, 2]\n");
        assertThatThrownBy(() -> WorkspaceLoader.targetNames(root, file)).isInstanceOf(MateyException.class)
                .hasMessage(file + ":1: 'targets' must be an array of strings.");
    }

    @Test
    void syntaxErrorsNameTheFileAndPosition() throws Exception {
        Path file = Files.writeString(root.resolve("matey.toml"), "targets = [\"db\"]\ntargets = [\"x\"]\n");
        assertThatThrownBy(() -> WorkspaceLoader.targetNames(root, file)).isInstanceOf(MateyException.class)
                .hasMessageStartingWith(file + ":2:").hasMessageEndingWith(". Fix the TOML syntax.");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByLineAndOffset() throws Exception {
        Path file = Files.write(root.resolve("matey.toml"), new byte[] {'#', ' ', 'a', '\n', 't', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> WorkspaceLoader.targetNames(root, file)).isInstanceOf(MateyException.class)
                .hasMessage(file + ":2: invalid UTF-8: byte 0xFF at byte offset 5 of the file. Save the file as UTF-8.");
    }

    @Test
    void targetPathsThatLeaveTheWorkspaceAreNamedAtTheirLine() throws Exception {
        for (String target : List.of("../escape", "/etc")) {
            Path file = Files.writeString(root.resolve("matey.toml"), "# the targets\ntargets = [\"" + target + "\"]\n");
            assertThatThrownBy(() -> WorkspaceLoader.targetNames(root, file)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(file + ":2: Target path '" + target + "' ");
        }
    }

    /** Commands of the outer target would take the inner one's files as their own: both are named, either way round. */
    @Test
    void aTargetInsideAnotherTargetsMigrationsCheckpointsOrDataIsRefusedNamingBoth() throws Exception {
        String own = "', whose commands take every file there as their own";
        String[][] refused = {{"\".\", \"checkpoints\"", "checkpoints", "checkpoints/ directory of target '.", own
                        + " (`matey schema apply --clean` deletes those it did not write). Put target 'checkpoints' "
                        + "outside checkpoints/ (e.g. beside it, as another directory of the workspace)."},
                {"\"db/core/migrations/old\", \"db/core\"", "db/core/migrations/old",
                        "migrations/ directory of target 'db/core", own + ". Put target 'db/core/migrations/old' "
                        + "outside db/core/migrations/ (e.g. beside it, as another directory of the workspace)."},
                {"\"data/seeds\", \".\"", "data/seeds", "data/ directory of target '.", own + "."}};
        for (String[] targets : refused) {
            Path file = Files.writeString(root.resolve("matey.toml"), "\ntargets = [" + targets[0] + "]\n");
            assertThatThrownBy(() -> WorkspaceLoader.targetNames(root, file)).as(targets[0])
                    .isInstanceOf(MateyException.class).hasMessageStartingWith(file + ":2: target '" + targets[1]
                            + "' lies inside the " + targets[2] + targets[3]);
        }
        Path file = Files.writeString(root.resolve("matey.toml"),
                "targets = [\".\", \"db/core\", \"migrations-old\", \"db/core/data-tools\"]\n");
        assertThat(WorkspaceLoader.targetNames(root, file)).as("nested targets beside those directories")
                .containsExactly(".", "db/core", "migrations-old", "db/core/data-tools");
    }

    @Test
    void aWorkspaceThatListsNoTargetIsNamedAtItsLine() throws Exception {
        Path file = Files.writeString(root.resolve("matey.toml"), "# none yet\ntargets = []\n");
        Workspace workspace = WorkspaceLoader.load(root, root, false);
        String none = file + ":2: no targets configured. Add one with `matey init --path <dir> --engine <engine>`.";
        assertThatThrownBy(() -> TargetSelector.selectOne(workspace, null, root)).hasMessage(none);
        assertThatThrownBy(() -> TargetSelector.select(workspace, null, true, root)).hasMessage(none);
    }
}
