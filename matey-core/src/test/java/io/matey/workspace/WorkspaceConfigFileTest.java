package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
