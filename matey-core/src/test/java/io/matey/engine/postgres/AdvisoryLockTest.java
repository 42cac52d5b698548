package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine.MigrationLock;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AdvisoryLockTest {

    @Test
    void secondSessionWaitsUntilTheFirstReleases() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres");
                Connection first = db.connect();
                Connection second = db.connect()) {
            MigrationLock held = db.engine().lockMigrations(first);
            CompletableFuture<MigrationLock> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return db.engine().lockMigrations(second);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThatThrownBy(() -> waiting.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            held.close();
            MigrationLock acquired = waiting.get(10, TimeUnit.SECONDS);
            assertThat(acquired).isNotNull();
            acquired.close();
        }
    }

    @Test
    void releasingALockNotHeldFails() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            MigrationLock lock = db.engine().lockMigrations(c);
            lock.close();

            assertThatThrownBy(lock::close).isInstanceOf(SQLException.class).hasMessageContaining("not held");
        }
    }
}
