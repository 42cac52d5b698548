package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.BackgroundQuery;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ctrl-C stops the query ClickHouse is running, on the server, through the connection alone (docs/architecture.md §8). */
class ClickHouseCancelTest {

    @Test
    void cancelRunningKillsTheQueryOnTheServer() throws Exception {
        String marker = UUID.randomUUID().toString();
        // A hundred billion rows: minutes of work, unless killed. The marker finds it in system.processes.
        String endless = "SELECT count() FROM numbers(100000000000) WHERE toString(number) != '" + marker + "'";
        String running = "SELECT count() FROM system.processes WHERE query LIKE '%" + marker + "%' AND query NOT LIKE "
                + "'%system.processes%'";
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection connection = db.connect();
                Connection observer = db.connect()) {
            CompletableFuture<SQLException> failure = BackgroundQuery.start(connection, endless);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (TestDatabase.firstValue(observer, running).equals("0") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(TestDatabase.firstValue(observer, running)).as("the query runs on the server").isEqualTo("1");

                db.engine().cancelRunning(connection);

                assertThat(TestDatabase.firstValue(observer, running)).as("the query left system.processes").isEqualTo("0");
                SQLException cancelled = failure.get(30, TimeUnit.SECONDS);
                assertThat((Throwable) cancelled).isNotNull();
                assertThat(cancelled.getMessage()).containsIgnoringCase("cancelled");
            } finally {
                // without the fix, the server would go on counting for minutes
                db.execute("KILL QUERY WHERE query LIKE '%" + marker + "%' AND query NOT LIKE '%system.processes%'");
            }
        }
    }
}
