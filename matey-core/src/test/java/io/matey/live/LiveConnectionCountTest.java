package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.testing.EngineMatrix;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            Counting endpoint = new Counting(h.db.url(), h.db.engine());
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
            Counting endpoint = new Counting(h.db.url(), h.db.engine());
            assertThat(h.live.up(h.target(), endpoint).created()).isTrue();
            assertThat(endpoint.calls).containsExactly("connectIfExists", "create", "connectIfExists");
            assertThat(h.recordedVersions()).isEqualTo(2);
        }
    }

    /** The real URL endpoint, recording which of its ways to the server a command takes. */
    private static final class Counting implements LiveEndpoint {

        final List<String> calls = new ArrayList<>();
        private final UrlEndpoint real;

        Counting(MateyUrl url, Engine engine) {
            real = new UrlEndpoint(url, engine);
        }

        @Override
        public Engine engine() {
            return real.engine();
        }

        @Override
        public String kind() {
            return real.kind();
        }

        @Override
        public String urlOption() {
            return real.urlOption();
        }

        @Override
        public boolean exists() throws SQLException {
            calls.add("exists");
            return real.exists();
        }

        @Override
        public boolean create() throws SQLException {
            calls.add("create");
            return real.create();
        }

        @Override
        public void drop() throws SQLException {
            calls.add("drop");
            real.drop();
        }

        @Override
        public Connection connect() throws SQLException {
            calls.add("connect");
            return real.connect();
        }

        @Override
        public Optional<Connection> connectIfExists() throws SQLException {
            calls.add("connectIfExists");
            return real.connectIfExists();
        }

        @Override
        public String toString() {
            return real.toString();
        }
    }
}
