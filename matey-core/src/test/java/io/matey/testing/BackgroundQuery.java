package io.matey.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

/** A query run on another thread, for tests that cancel it while it runs. */
public final class BackgroundQuery {

    private BackgroundQuery() {
    }

    /** Runs {@code query} on {@code connection}; completes with the failure it ended in, or null when it finished. */
    public static CompletableFuture<SQLException> start(Connection connection, String query) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery(query).next();
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }
}
