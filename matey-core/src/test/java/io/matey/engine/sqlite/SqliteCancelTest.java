package io.matey.engine.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.BackgroundQuery;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

/** Ctrl-C reaches a statement SQLite is running through the connection alone (docs/architecture.md §8). */
class SqliteCancelTest {

    /** Counts to ten billion: minutes of work, unless interrupted. */
    private static final String ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            + "WHERE i < 10000000000) SELECT count(*) FROM n";

    @Test
    void cancelRunningInterruptsTheStatementOnTheConnection() throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection connection = db.connect()) {
            CompletableFuture<SQLException> failure = BackgroundQuery.start(connection, ENDLESS);
            // an interrupt that arrives before the query starts is lost, so it is repeated until the query ends
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!failure.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                db.engine().cancelRunning(connection);
            }
            boolean ended = failure.isDone();
            if (!ended) {
                // the driver's own interrupt, so that closing the connection does not wait for the query
                connection.unwrap(SQLiteConnection.class).getDatabase().interrupt();
            }
            assertThat(ended).as("the query ended under cancelRunning").isTrue();
            Throwable interrupted = failure.get();
            assertThat(interrupted).isNotNull();
            assertThat(interrupted.getMessage()).containsIgnoringCase("interrupt");
        }
    }
}
