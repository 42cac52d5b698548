package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.artifact.Diagnostic;
import io.matey.error.MateyException;
import io.matey.lint.Finding;
import io.matey.lint.Linter;
import io.matey.replay.SchemaApplyResult;
import io.matey.replay.SchemaPlanResult;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated {@code models.py} is an artifact like the others (real SQLite): marked as Matey's, deleted once no
 * configuration produces it (a hand-written one never), its conflict markers reported, a hand edit a mismatch.
 */
class GeneratedModelsPyTest {

    private static final String MODELS = TestWorkspace.TARGET + "/models.py";

    @TempDir
    Path dir;

    @Test
    void aSwitchedOffGeneratorsModelsPyIsReportedThenDeletedButAHandWrittenOneStays() {
        TestWorkspace ws = workspace("enabled = true\ngenerator = \"tables\"\n");
        assertThat(ws.apply().codegen()).contains("models.py");
        assertThat(ws.read(MODELS)).startsWith(GeneratedFiles.PYTHON_MARKER + "\n");
        assertThat(ws.plan().match()).isTrue();

        ws.write(MODELS, ws.read(MODELS) + "# hand edit\n");
        SchemaPlanResult edited = ws.plan();
        assertThat(edited.match()).as("schema plan --exit-code fails on a hand edit").isFalse();
        assertThat(edited.staleFiles()).containsExactly("models.py");
        assertThat(edited.diff()).as("schema plan --diff shows the hand edit it undoes")
                .contains("--- worktree/models.py\n+++ replay/models.py\n", "\n-# hand edit\n");

        ws.write(TestWorkspace.TARGET + "/config.toml", config("enabled = false\ngenerator = \"tables\"\n"));
        assertThat(new MateyTools(ws.matey()).schemaStatus(target(ws)).diagnostics()).extracting(Diagnostic::render).containsExactly(
                "codegen-stale-file@models.py: Generated file the [codegen] configuration no longer produces: "
                        + "schema apply deletes it.");
        assertThat(ws.plan().staleFiles()).containsExactly("models.py");
        assertThat(ws.apply().changedFiles()).containsExactly("models.py");
        assertThat(ws.target().resolve("models.py")).doesNotExist();
        assertThat(new MateyTools(ws.matey()).schemaStatus(target(ws)).clean()).isTrue();

        ws.write(MODELS, "# models of my own\n");
        assertThat(new MateyTools(ws.matey()).schemaStatus(target(ws)).clean()).isTrue();
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.read(MODELS)).as("a file without the marker is never deleted").isEqualTo("# models of my own\n");
    }

    @Test
    void conflictMarkersInModelsPyAreReportedAndApplyRegeneratesIt() {
        TestWorkspace ws = workspace("enabled = true\ngenerator = \"declarative\"\n");
        ws.apply();
        String models = ws.read(MODELS);
        ws.write(MODELS, models.replace("class Base(", "<<<<<<< HEAD\nclass Base(") + "=======\nx = 1\n>>>>>>> b\n");

        assertThatThrownBy(() -> new MateyTools(ws.matey()).schemaStatus(target(ws))).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Git merge conflict markers in models.py of target 'db/core': generated "
                        + "artifacts are regenerated, not merged by hand.")
                .hasMessageContaining("input-conflict-markers@models.py: Git merge conflict markers at line ");
        assertThat(Linter.lint(target(ws))).filteredOn(f -> f.code().equals("L211"))
                .extracting(Finding::path).containsExactly("models.py");

        SchemaApplyResult apply = ws.apply();
        assertThat(apply.conflicted()).containsExactly("models.py");
        assertThat(ws.read(MODELS)).isEqualTo(models);
    }

    private TestWorkspace workspace(String codegen) {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        ws.write(TestWorkspace.TARGET + "/config.toml", config(codegen));
        ws.migration("001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;");
        return ws;
    }

    private static String config(String codegen) {
        return "engine = \"sqlite\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[codegen]\n" + codegen;
    }

    private static TargetConfig target(TestWorkspace ws) {
        return ws.matey().target(TestWorkspace.TARGET);
    }
}
