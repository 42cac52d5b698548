package io.matey.live;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands a live command's messages name run as printed: {@code --url} only as the user gave it. */
class HintUrlTest {

    @TempDir
    Path dir;

    @Test
    void aUrlFromTheEnvironmentIsLeftOutOfTheHint() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "sqlite").twoMigrations()) {
            LiveDatabase fromEnv = new LiveDatabase(Map.of(h.target().urlEnv(), h.url()), line -> { });

            assertThatThrownBy(() -> fromEnv.migrate(h.target(), (String) null)).isInstanceOf(MateyException.class)
                    .hasMessageEndingWith("`matey db up --path db/core` (or `db bootstrap`) creates it; `db migrate` never does.")
                    .hasMessageNotContaining("--url");
        }
    }

    @Test
    void aGivenUrlWithAPasswordBecomesAPlaceholderNotAMaskedUrl() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "clickhouse").twoMigrations()) {
            assertThatThrownBy(h::migrate).isInstanceOf(MateyException.class)
                    .hasMessageContaining(":<password>@").hasMessageContaining("` (or `db bootstrap`) creates it")
                    .hasMessageNotContaining("****'");
        }
    }
}
