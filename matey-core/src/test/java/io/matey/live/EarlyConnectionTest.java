package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The first connection, opened ahead, is what a connection at the moment of asking would have been. */
class EarlyConnectionTest {

    @Test
    void theFirstAskTakesTheConnectionOpenedAheadAndLaterAsksConnectAgain() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres");
                EarlyConnection endpoint = EarlyConnection.start(LiveEndpoint.of(db.url()))) {
            try (Connection first = endpoint.connectIfExists().orElseThrow();
                    Connection second = endpoint.connectIfExists().orElseThrow()) {
                assertThat(first.getCatalog()).isEqualTo(db.url().path());
                assertThat(second).isNotSameAs(first);
                assertThat(sessions(db, second)).isEqualTo(2);
            }
        }
    }

    @Test
    void aMissingDatabaseIsEmptyAndAFailureComesWhenAsked() throws SQLException {
        TestDatabase missing = TestDatabase.unborn("postgres");
        try (EarlyConnection endpoint = EarlyConnection.start(LiveEndpoint.of(missing.url()))) {
            assertThat(endpoint.connectIfExists()).isEmpty();
        }
        MateyUrl closedPort = MateyUrl.parse("postgres://postgres@127.0.0.1:1/none?sslmode=disable");
        try (EarlyConnection endpoint = EarlyConnection.start(LiveEndpoint.of(closedPort))) {
            assertThatThrownBy(endpoint::connectIfExists).isInstanceOf(SQLException.class)
                    .hasMessageContaining("127.0.0.1:1");
        }
    }

    @Test
    void aConnectionNobodyTookIsClosed() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection watcher = db.connect()) {
            EarlyConnection endpoint = EarlyConnection.start(LiveEndpoint.of(db.url()));
            assertThat(awaitSessions(db, watcher, 2)).isEqualTo(2);
            endpoint.close();
            assertThat(awaitSessions(db, watcher, 1)).isEqualTo(1);
        }
    }

    private static int awaitSessions(TestDatabase db, Connection watcher, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int sessions = sessions(db, watcher);
        while (sessions != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            sessions = sessions(db, watcher);
        }
        return sessions;
    }

    /** Sessions connected to the test database, asked on {@code connection}. */
    private static int sessions(TestDatabase db, Connection connection) throws SQLException {
        return Integer.parseInt(TestDatabase.firstValue(connection,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db.url().path() + "'"));
    }
}
