package io.matey.sample;

import static io.matey.sample.SampleProcess.cast;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged app starting at once against one PostgreSQL database, both with
 * migrate-on-startup: both start, and each migration is applied once. The test holds Matey's migration lock
 * until both instances wait for it, so that they really race.
 */
class SampleAppConcurrentStartIT {

    /** Matey's {@code pg_advisory_lock} key: the bytes of "matey". */
    private static final long MIGRATION_LOCK = 0x6d61746579L;

    @TempDir
    Path dir;

    @Test
    void twoInstancesMigrateOnceAndBothStart() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<SampleProcess> apps = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create("postgres"); Connection gate = db.connect()) {
            lock(gate, "SELECT pg_advisory_lock(?)");
            List<Future<SampleProcess>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Path workDir = dir.resolve("app" + i);
                starts.add(pool.submit(() -> SampleProcess.start(workDir, "spring.profiles.active=postgres",
                        "spring.datasource.url=" + SampleAppServersIT.jdbcUrl("postgresql", db.url(), 5432),
                        "spring.datasource.username=" + db.url().user())));
            }
            awaitWaiters(gate, 2, Duration.ofSeconds(150));
            lock(gate, "SELECT pg_advisory_unlock(?)");
            for (Future<SampleProcess> start : starts) {
                apps.add(start.get(150, TimeUnit.SECONDS));
            }

            for (String migration : List.of("20260101120000_create_notes", "20260102120000_create_note_tags",
                    "20260103120000_index_note_tags_by_tag")) {
                assertThat(apps.stream().mapToLong(app -> app.output().lines()
                        .filter(l -> l.contains("migrations/" + migration + ".sql  up")).count()).sum())
                        .as(migration).isEqualTo(1);
            }
            try (Statement st = gate.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM schema_migrations")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
            for (SampleProcess app : apps) {
                Map<String, Object> target = SampleProcess.<List<Map<String, Object>>>cast(
                        app.json("/actuator/matey").get("targets")).get(0);
                assertThat(target).containsEntry("applied", 3).containsEntry("drift", "clean");
            }
        } finally {
            apps.forEach(SampleProcess::close);
            pool.shutdownNow();
        }
    }

    private static void lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, MIGRATION_LOCK);
            ps.execute();
        }
    }

    /** Waits until {@code count} sessions wait for the migration lock held on {@code gate}. */
    private static void awaitWaiters(Connection gate, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement st = gate.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND NOT granted AND database = "
                    + "(SELECT oid FROM pg_database WHERE datname = current_database())")) {
                rs.next();
                if (rs.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the two instances did not both reach the migration lock in " + timeout);
    }
}
