package io.matey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.replay.ReplayOptions;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance item 9: bad input gives a precise user error (exit 2) and changes no file. */
class BadInputTest {

    @TempDir
    Path dir;

    private TestWorkspace ws;
    private Map<String, String> before;

    @BeforeEach
    void workspaceWithOneAppliedMigration() {
        ws = new TestWorkspace(dir, "sqlite");
        ws.migration("001_one.sql", ws.createTable("one"), "DROP TABLE one;");
        ws.apply();
        before = ws.files();
    }

    private void assertUnchanged() {
        assertThat(ws.files()).isEqualTo(before);
    }

    @Test
    void malformedToml() {
        ws.write("db/core/config.toml", "engine = \"sqlite\"\nurl_env = \n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("db/core/config.toml:2:").hasMessageContaining("Unable to parse config.toml");
        assertThat(ws.files()).containsAllEntriesOf(Map.of("schema.sql", before.get("schema.sql")));
    }

    @Test
    void unknownConfigKeys() {
        ws.write("db/core/config.toml", ws.read("db/core/config.toml") + "enigne = \"x\"\n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("config.toml: unsupported target keys: 'enigne'");
        ws.write("matey.toml", "targets = [\"db/core\"]\ntarget = []\n");
        assertThatThrownBy(ws::apply).hasMessageContaining("matey.toml: unsupported workspace keys: 'target'");
    }

    @Test
    void invalidEnvVarName() {
        ws.write("db/core/config.toml", "engine = \"sqlite\"\nurl_env = \"bad-name\"\ntest_url_env = \"T\"\n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("config.toml:2: url_env: invalid environment variable name 'bad-name'");
    }

    @Test
    void targetPathOutsideTheWorkspaceOrThroughASymlink() throws Exception {
        ws.write("matey.toml", "targets = [\"../elsewhere\"]\n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("Target path '../elsewhere' must be relative to the workspace root");
        Files.createSymbolicLink(dir.resolve("linked"), ws.target());
        ws.write("matey.toml", "targets = [\"linked\"]\n");
        assertThatThrownBy(() -> ws.matey().workspace()).isInstanceOf(MateyException.class)
                .hasMessageContaining("symlinked path segment");
        ws.write("matey.toml", "targets = [\"db/core\"]\n");
        assertUnchanged();
    }

    @Test
    void downMarkerBeforeUpMarker() {
        ws.write("db/core/migrations/002_bad.sql", "-- migrate:down\nDROP TABLE two;\n-- migrate:up\nCREATE TABLE two (id int);\n");
        Map<String, String> withBadFile = ws.files();
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/002_bad.sql:1: dbmate migrate:down marker appears before an up marker");
        assertThat(ws.files()).isEqualTo(withBadFile);
    }

    @Test
    void unreachableTestServerNeverPrintsThePassword() {
        ws.write("db/core/config.toml", "engine = \"postgres\"\nurl_env = \"U\"\ntest_url_env = \"T\"\n");
        before = ws.files();
        ReplayOptions unreachable = new ReplayOptions(null,
                "postgres://matey:hunter2@127.0.0.1:1/postgres?sslmode=disable&connectTimeout=2", true, false);
        assertThatThrownBy(() -> ws.apply(unreachable)).isInstanceOf(MateyException.class)
                .hasMessageContaining("postgres://matey:****@127.0.0.1:1/")
                .hasMessageNotContaining("hunter2");
        assertUnchanged();
    }
}
