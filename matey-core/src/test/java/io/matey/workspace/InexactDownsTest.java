package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.toml's {@code [inexact_downs]}: read per migration path, and every bad entry named by file and line. */
class InexactDownsTest {

    private static final String HEAD = "engine = \"sqlite\"\nurl_env = \"DATABASE_URL\"\ntest_url_env = \"TEST_DATABASE_URL\"\n";

    @TempDir
    Path dir;

    @BeforeEach
    void migration() throws IOException {
        Files.createDirectories(dir.resolve("migrations/sub"));
        Files.writeString(dir.resolve("migrations/20240101120000_add_x.sql"), "-- migrate:up\n");
        Files.writeString(dir.resolve("migrations/sub/002_y.sql"), "-- migrate:up\n");
    }

    private TargetConfig read(String config) throws IOException {
        Files.writeString(dir.resolve("config.toml"), HEAD + config);
        return TargetConfigReader.read(".", dir);
    }

    @Test
    void acceptedDownsAreKeyedByMigrationPath() throws IOException {
        TargetConfig target = read("\n[inexact_downs]\n\"sub/002_y.sql\" = \"b\"\n"
                + "\"20240101120000_add_x.sql\" = \" PostgreSQL cannot restore column order \"\n");
        assertThat(target.inexactDowns().sorted()).containsExactly(
                java.util.Map.entry("migrations/20240101120000_add_x.sql", "PostgreSQL cannot restore column order"),
                java.util.Map.entry("migrations/sub/002_y.sql", "b"));
        assertThat(read("").inexactDowns()).isEqualTo(InexactDowns.NONE);
    }

    @Test
    void badEntriesNameConfigTomlAndLine() {
        Path config = dir.resolve("config.toml");
        assertThatThrownBy(() -> read("[inexact_downs]\n\"20240101120000_add_x.sql\" = \"ok\"\n\"gone.sql\" = \"x\"\n"))
                .isInstanceOf(MateyException.class)
                .hasMessageStartingWith(config + ":6: inexact_downs: 'gone.sql' is not a migration file");
        assertThatThrownBy(() -> read("[inexact_downs]\n\"../config.toml\" = \"x\"\n"))
                .hasMessageStartingWith(config + ":5: inexact_downs: '../config.toml' is not a migration file");
        assertThatThrownBy(() -> read("[inexact_downs]\n20240101120000_add_x.sql = \"unquoted\"\n"))
                .hasMessageContaining(config + ":5: inexact_downs: '20240101120000_add_x' is not a migration file")
                .hasMessageContaining("quoted");
        assertThatThrownBy(() -> read("[inexact_downs]\n\"20240101120000_add_x.sql\" = \"\"\n"))
                .hasMessageStartingWith(config + ":5: inexact_downs: '20240101120000_add_x.sql' needs a reason");
        assertThatThrownBy(() -> read("[inexact_downs]\n\"20240101120000_add_x.sql\" = true\n"))
                .hasMessageStartingWith(config + ":5: inexact_downs: '20240101120000_add_x.sql' needs a reason");
        assertThatThrownBy(() -> read("inexact_downs = [\"20240101120000_add_x.sql\"]\n"))
                .hasMessageStartingWith(config + ":4: [inexact_downs] must be a table");
    }
}
