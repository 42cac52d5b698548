package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.SchemaStatus;
import io.matey.artifact.Diagnostic;
import io.matey.error.MateyException;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** Acceptance items 1–4 of the replay issue, on every engine that runs here. */
class SchemaReplayTest {

    @TempDir
    Path dir;

    private TestWorkspace twoMigrations(String engine) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.migration("002_two.sql", ws.createTable("it_two"), "DROP TABLE it_two;");
        return ws;
    }

    @ParameterizedTest
    @EngineMatrix
    void planApplyCycleReplaysOnlyTheTail(String engine) {
        TestWorkspace ws = twoMigrations(engine);
        SchemaPlanResult first = ws.plan();
        assertThat(first.tailCount()).isEqualTo(2);
        assertThat(first.divergence()).hasValue(1);
        assertThat(first.match()).isFalse();
        assertThat(first.downChecked()).containsExactly("migrations/001_one.sql", "migrations/002_two.sql");

        SchemaApplyResult applied = ws.apply();
        assertThat(applied.changed()).isTrue();
        assertThat(applied.changedFiles()).containsExactly("checkpoints/001_one.sql", "checkpoints/002_two.sql",
                "schema.lock.toml", "schema.sql");
        assertThat(ws.read("db/core/schema.sql")).contains("it_one", "it_two", "-- Dbmate schema migrations");
        assertThat(ws.read("db/core/checkpoints/001_one.sql")).contains("it_one").doesNotContain("it_two");
        assertThat(status(ws).clean()).isTrue();
        assertThat(ws.apply().changed()).isFalse();

        ws.migration("003_three.sql", ws.createTable("it_three"), "DROP TABLE it_three;");
        SchemaPlanResult third = ws.plan();
        assertThat(third.tailCount()).isEqualTo(1);
        assertThat(third.anchorIndex()).isEqualTo(2);
        assertThat(third.match()).isFalse();
        assertThat(third.replaySql()).contains("it_three");
        assertThat(third.diff()).contains("--- worktree/schema.sql", "+++ replay/schema.sql").containsPattern("\\+.*it_three");
        SchemaApplyResult incremental = ws.apply();
        assertThat(incremental.downChecked()).containsExactly("migrations/003_three.sql");
        assertThat(incremental.changedFiles()).containsExactly("checkpoints/003_three.sql", "schema.lock.toml", "schema.sql");
        assertThat(ws.plan().match()).isTrue();
        assertThat(ws.plan(new ReplayOptions(null, null, true, false)).replaySql()).isEqualTo(ws.read("db/core/schema.sql"));
    }

    @ParameterizedTest
    @EngineMatrix
    void staleArtifactsAreDiagnosedAndRepaired(String engine) {
        TestWorkspace ws = twoMigrations(engine);
        ws.apply();
        Map<String, String> clean = ws.files();

        ws.write("db/core/migrations/002_two.sql", ws.read("db/core/migrations/002_two.sql") + "-- edited\n");
        assertThat(codes(ws)).contains("coherence-migration-digest-mismatch");
        ws.apply();
        assertThat(status(ws).clean()).isTrue();

        delete(ws, "db/core/checkpoints/001_one.sql");
        assertThat(codes(ws)).contains("coherence-checkpoint-missing");
        ws.apply();
        assertThat(status(ws).clean()).isTrue();
        assertThat(ws.read("db/core/checkpoints/001_one.sql")).isEqualTo(clean.get("checkpoints/001_one.sql"));

        ws.write("db/core/schema.sql", ws.read("db/core/schema.sql") + "-- hand edit\n");
        assertThat(codes(ws)).contains("coherence-schema-digest-mismatch");
        ws.apply();
        assertThat(status(ws).clean()).isTrue();

        ws.write("db/core/checkpoints/999_orphan.sql", "CREATE TABLE orphan (id int);\n");
        assertThat(codes(ws)).contains("input-orphan-checkpoint");
        assertThat(ws.apply().changedFiles()).contains("checkpoints/999_orphan.sql");
        assertThat(status(ws).clean()).isTrue();
        assertThat(Files.exists(ws.target().resolve("checkpoints/999_orphan.sql"))).isFalse();
    }

    @ParameterizedTest
    @EngineMatrix
    void brokenDownSectionFailsNamingTheFileAndWritesNothing(String engine) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_alpha.sql", ws.createTable("alpha"), ws.createTable("beta"));
        Map<String, String> before = ws.files();
        assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/001_alpha.sql: down roundtrip mismatch");
        assertThatThrownBy(ws::apply).hasMessageContaining("migrations/001_alpha.sql");
        assertThat(ws.files()).isEqualTo(before);
    }

    @ParameterizedTest
    @EngineMatrix
    void commentOnlyDownIsSkippedNotFailed(String engine) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_alpha.sql", ws.createTable("alpha"), "-- irreversible: data would be lost");
        SchemaPlanResult plan = ws.plan();
        assertThat(plan.downSkipped()).containsExactly("migrations/001_alpha.sql");
        assertThat(plan.downChecked()).isEmpty();
    }

    @ParameterizedTest
    @EngineMatrix
    void deletingAMigrationPrunesItsCheckpoint(String engine) {
        TestWorkspace ws = twoMigrations(engine);
        ws.apply();
        delete(ws, "db/core/migrations/002_two.sql");
        SchemaApplyResult result = ws.apply();
        assertThat(result.changedFiles()).contains("checkpoints/002_two.sql", "schema.sql", "schema.lock.toml");
        assertThat(Files.exists(ws.target().resolve("checkpoints/002_two.sql"))).isFalse();
        assertThat(ws.read("db/core/schema.sql")).doesNotContain("it_two");
        assertThat(status(ws).clean()).isTrue();
    }

    @ParameterizedTest
    @EngineMatrix
    void failingSqlNamesFileAndStatementAndWritesNothing(String engine) {
        TestWorkspace ws = twoMigrations(engine);
        ws.apply();
        ws.migration("003_bad.sql", "CREATE TABLE ok_table (id INT);\nINSERT INTO no_such_table VALUES (1);", "DROP TABLE ok_table;");
        Map<String, String> before = ws.files();
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/003_bad.sql:3")
                .hasMessageContaining("INSERT INTO no_such_table VALUES (1)");
        assertThat(ws.files()).isEqualTo(before);
    }

    private static SchemaStatus status(TestWorkspace ws) {
        return new MateyTools(ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0);
    }

    private static java.util.List<String> codes(TestWorkspace ws) {
        return status(ws).diagnostics().stream().map(Diagnostic::code).map(c -> c.id()).toList();
    }

    private static void delete(TestWorkspace ws, String path) {
        try {
            Files.delete(ws.root().resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
