package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetConfigReaderTest {

    private static final String BASE = "engine = \"sqlite\"\nurl_env = \"DATABASE_URL\"\ntest_url_env = \"TEST_DATABASE_URL\"\n";

    @TempDir
    Path dir;

    private TargetConfig read(String toml) throws Exception {
        Files.writeString(dir.resolve("config.toml"), toml);
        return TargetConfigReader.read(".", dir);
    }

    @Test
    void nonDbmateFilesAreRefusedUnlessTheTargetAllowsThemExplicitly() throws Exception {
        assertThat(read(BASE).allowNonDbmateFiles()).isFalse();
        assertThat(read(BASE + "allow_non_dbmate_files = true\n").allowNonDbmateFiles()).isTrue();
        assertThat(read(BASE + "allow_non_dbmate_files = false\n").allowNonDbmateFiles()).isFalse();
        assertThatThrownBy(() -> read(BASE + "allow_non_dbmate_files = \"yes\"\n")).isInstanceOf(MateyException.class)
                .hasMessage(dir.resolve("config.toml") + ":4: allow_non_dbmate_files must be true or false.");
    }

    @Test
    void privilegesAreDumpedUnlessAPostgresTargetOptsOut() throws Exception {
        String postgres = BASE.replace("sqlite", "postgresql");
        assertThat(read(postgres).privileges()).isTrue();
        assertThat(read(postgres + "privileges = false\n").privileges()).isFalse();
        assertThat(read(postgres + "privileges = false\n").knownEngine().id()).isEqualTo("postgres");
        assertThatThrownBy(() -> read(postgres + "privileges = \"no\"\n")).isInstanceOf(MateyException.class)
                .hasMessage(dir.resolve("config.toml") + ":4: privileges must be true or false.");
    }

    @Test
    void privilegesAreRefusedOnAnEngineWhoseDumpsHoldNone() throws Exception {
        assertThatThrownBy(() -> read(BASE + "privileges = false\n")).isInstanceOf(MateyException.class)
                .hasMessage(dir.resolve("config.toml") + ":4: privileges applies to PostgreSQL targets only: the sqlite"
                        + " engine's dumps hold no privileges. Remove the key.");
        assertThatThrownBy(() -> read("engine = \"sqlite3\"\nprivileges = true\n" + BASE.substring(BASE.indexOf('\n') + 1)))
                .isInstanceOf(MateyException.class).hasMessageStartingWith(dir.resolve("config.toml") + ":2: privileges");
    }
}
