package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two {@code db up} creating the same missing database: only the one that created it says so. */
class ConcurrentCreateDatabaseTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "sqlite", "mysql", "clickhouse", "bigquery", "bigquery-emulator"})
    void onlyTheCreatorSaysItCreatedTheDatabase(String name) throws Exception {
        TestDatabase db = TestDatabase.unborn(name);
        Engine engine = db.engine();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> create = () -> {
                start.await();
                return engine.createDatabaseIfMissing(db.url());
            };
            List<Future<Boolean>> both = List.of(pool.submit(create), pool.submit(create));
            start.countDown();
            assertThat(List.of(both.get(0).get(), both.get(1).get())).containsExactlyInAnyOrder(true, false);
            assertThat(engine.databaseExists(db.url())).isTrue();
            assertThat(engine.createDatabaseIfMissing(db.url())).as("it exists now").isFalse();
        } finally {
            pool.shutdownNow();
            db.close();
        }
    }
}
