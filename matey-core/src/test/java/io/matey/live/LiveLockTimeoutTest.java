package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.engine.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration lock held by a stuck session bounds {@code db up}'s wait on every engine, and the failure names
 * the holder where the engine can tell; once the holder lets go, the lock is taken again.
 */
class LiveLockTimeoutTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres", "mysql"})
    void aHeldLockFailsDbUpAfterTheBoundNamingTheHolder(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations();
                Connection stuck = h.db.connect()) {
            // Another session; on SQLite another thread, which holds the lock file as another process would
            ExecutorService other = Executors.newSingleThreadExecutor();
            CompletableFuture<Engine.MigrationLock> holder = CompletableFuture.supplyAsync(() -> {
                try {
                    return h.db.engine().lockMigrations(stuck, Duration.ofSeconds(5));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, other);
            Engine.MigrationLock held = holder.get(30, TimeUnit.SECONDS);
            LiveDatabase bounded = new LiveDatabase(h.ws.env(), line -> { }, Duration.ofSeconds(2));
            long started = System.nanoTime();
            assertThatThrownBy(() -> bounded.up(h.target(), h.url())).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.LOCK_TIMEOUT)
                    .hasMessageContaining("the migration lock (")
                    .hasMessageContaining("was not released within 2s; it is held by ")
                    .hasMessageContaining(switch (engine) {
                        case "postgres" -> "PostgreSQL backend";
                        case "mysql" -> "KILL CONNECTION";
                        default -> "process " + ProcessHandle.current().pid();
                    })
                    .hasMessageContaining("--lock-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1900),
                    Duration.ofSeconds(20));
            assertThat(h.status().applied()).as("nothing ran").isZero();

            CompletableFuture.runAsync(() -> {
                try {
                    held.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, other).get(30, TimeUnit.SECONDS);
            other.shutdown();
            assertThat(bounded.up(h.target(), h.url()).after()).isEqualTo(2);
        }
    }
}
