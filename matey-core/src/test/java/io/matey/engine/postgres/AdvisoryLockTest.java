package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine.MigrationLock;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
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

    /**
     * A role without pg_read_all_stats sees no client, start or state of a superuser's backend, and cannot end it:
     * the timeout leaves out what it cannot see and says who must run the kill.
     */
    @Test
    void aTimeoutSeenByAnUnprivilegedRoleNamesWhatItSeesAndWhoMayEndTheHolder() throws SQLException {
        String role = "matey_waiter_" + UUID.randomUUID().toString().substring(0, 8);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection holder = db.connect()) {
            try (Statement st = holder.createStatement()) {
                st.execute("CREATE ROLE " + role + " LOGIN");
            }
            try {
                MigrationLock held = db.engine().lockMigrations(holder);
                MateyUrl asWaiter = MateyUrl.parse(db.url().raw().replace(db.url().user() + "@", role + "@"));
                try (Connection waiter = db.engine().connect(asWaiter)) {
                    assertThatThrownBy(() -> db.engine().lockMigrations(waiter, Duration.ofMillis(200)))
                            .isInstanceOf(MigrationLockTimeoutException.class)
                            .hasMessageContaining("it is held by PostgreSQL backend ")
                            .hasMessageContaining("(user " + db.url().user() + ", application 'matey')")
                            .hasMessageNotContaining("null")
                            .hasMessageContaining("To end the holding session, a superuser runs: "
                                    + "SELECT pg_terminate_backend(");
                }
                held.close();
            } finally {
                try (Statement st = holder.createStatement()) {
                    st.execute("DROP ROLE " + role);
                }
            }
        }
    }
}
