package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.EngineMatrix;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A live command reaches an existing server database with one connection: no question to the maintenance
 * database first (each costs a server session, most of a short {@code db up}). A missing one is created once.
 */
class LiveConnectionCountTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix(servers = true)
    void upOfAnExistingDatabaseConnectsOnce(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            RecordingEndpoint endpoint = new RecordingEndpoint(h.db.url(), h.db.engine());
            assertThat(h.live.up(h.target(), endpoint).created()).isFalse();
            assertThat(endpoint.calls).containsExactly("connectIfExists");
            endpoint.calls.clear();
            assertThat(h.live.status(h.target(), endpoint).applied()).isEqualTo(2);
            assertThat(endpoint.calls).containsExactly("connectIfExists");
        }
    }

    @ParameterizedTest
    @EngineMatrix(servers = true)
    void upOfAMissingDatabaseCreatesItThenConnects(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            RecordingEndpoint endpoint = new RecordingEndpoint(h.db.url(), h.db.engine());
            assertThat(h.live.up(h.target(), endpoint).created()).isTrue();
            assertThat(endpoint.calls).containsExactly("connectIfExists", "create", "connectIfExists");
            assertThat(h.recordedVersions()).isEqualTo(2);
        }
    }
}
