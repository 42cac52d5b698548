package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.matey.artifact.InterruptedWrite;
import io.matey.lint.Finding.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {

    @TempDir
    Path workspace;

    @Test
    void aSymlinkStopsTheTargetWithL201() throws Exception {
        LintFixture fixture = LintFixture.load("clean", workspace).withArtifacts();
        Files.createSymbolicLink(fixture.dir().resolve("migrations/20260103000000_link.sql"),
                fixture.dir().resolve("migrations/20260102000000_add_name.sql"));
        assertThat(fixture.lint()).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.ERROR);
            assertThat(f.code()).isEqualTo("L201");
            assertThat(f.path()).isEqualTo(".");
            assertThat(f.line()).isNull();
            assertThat(f.message()).startsWith("Refusing to read symlinked file: ").endsWith("_link.sql");
        });
    }

    @Test
    void anInterruptedArtifactWriteIsRolledBackBeforeTheRulesRead() throws Exception {
        LintFixture fixture = LintFixture.load("clean", workspace).withArtifacts();
        Path dir = fixture.dir();
        byte[] oldLock = Files.readAllBytes(dir.resolve("schema.lock.toml"));
        // Killed after the new lock was in place but before the checkpoints it names: a mixed set.
        InterruptedWrite.stopAfter("write schema.lock.toml", dir,
                Map.of("schema.lock.toml", "lock_version = 0\n".getBytes(StandardCharsets.UTF_8),
                        "schema.sql", "-- another head\n".getBytes(StandardCharsets.UTF_8)),
                Set.of("checkpoints/20260102000000_add_name.sql"));
        assertThat(dir.resolve("schema.lock.toml")).content().isEqualTo("lock_version = 0\n");

        assertThat(fixture.lint()).isEmpty();
        assertThat(dir.resolve("schema.lock.toml")).hasBinaryContent(oldLock);
        assertThat(dir.resolve(".matey")).doesNotExist();
    }

    @Test
    void anUnknownEngineRunsOnlyTheRulesThatDoNotReadSql() {
        LintFixture fixture = LintFixture.load("L200", workspace)
                .write("migrations/001_drop.sql", "DROP TABLE users;\n").withArtifacts();
        assertThat(fixture.lint()).extracting(Finding::code, Finding::path)
                .containsExactly(tuple("L009", "migrations/001_drop.sql"), tuple("L010", "migrations/001_drop.sql"),
                        tuple("L200", "schema.lock.toml"));
    }

    @Test
    void severalTargetsAreSeparatedByABlankLineAndFormOneJsonArray() {
        Finding finding = new Finding(Level.WARNING, "L106", "db/core", "migrations/001_a.sql", 1,
                "Migration uses transaction:false.", "add \"-- matey:nolint L106\" on the line above");
        List<LintReport> reports = List.of(new LintReport(".", List.of()), new LintReport("db/core", List.of(finding)));
        assertThat(LintOutput.text(reports)).isEqualTo("""
                target: .

                target: db/core
                WARNING L106 migrations/001_a.sql:1 Migration uses transaction:false.
                        hint: add "-- matey:nolint L106" on the line above
                """);
        assertThat(LintOutput.json(reports)).isEqualTo("""
                [
                  {
                    "target": ".",
                    "findings": []
                  },
                  {
                    "target": "db/core",
                    "findings": [
                      {
                        "level": "warning",
                        "code": "L106",
                        "path": "migrations/001_a.sql",
                        "line": 1,
                        "message": "Migration uses transaction:false.",
                        "hint": "add \\"-- matey:nolint L106\\" on the line above"
                      }
                    ]
                  }
                ]
                """);
        assertThat(reports.get(1).hasErrors()).isFalse();
    }
}
