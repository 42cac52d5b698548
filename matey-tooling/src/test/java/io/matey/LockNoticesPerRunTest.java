package io.matey;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.artifact.TargetLock;
import io.matey.engine.FileMutex;
import io.matey.engine.LockNotices;
import io.matey.engine.sqlite.SqliteEngine;
import io.matey.live.LiveChange;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each run tells the locks it waits for to its own notices (docs/architecture.md §4): two façades in one JVM, as two
 * application contexts hold them, wait at the same time, one for the migration lock, one for the artifact lock, and
 * each hears its own wait only.
 */
class LockNoticesPerRunTest {

    @TempDir
    Path tmp;

    @Test
    void twoRunsInOneJvmEachTellOnlyTheirOwnWait() throws Exception {
        Path dir = tmp.toRealPath(); // the locks are taken by real paths
        TestWorkspace ws = new TestWorkspace(dir.resolve("ws"), "sqlite");
        ws.migration("001_t.sql", ws.createTable("t"), "DROP TABLE t;");
        ws.apply();
        Path database = dir.resolve("live.sqlite3");
        List<String> upWaits = new CopyOnWriteArrayList<>();
        List<String> statusWaits = new CopyOnWriteArrayList<>();
        Matey up = ws.matey().withLockNotices(upWaits::add);
        Matey status = ws.matey().withLockNotices(statusWaits::add);
        TargetConfig target = up.target(TestWorkspace.TARGET);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            Future<LiveChange> migrated;
            Future<SchemaStatus> reported;
            try (FileMutex migrationLock = FileMutex.acquire(Path.of(database + SqliteEngine.LOCK_FILE_SUFFIX))) {
                migrated = runs.submit(() -> up.dbUp(target, "sqlite3:" + database, line -> { }));
                awaitWait(upWaits, migrated);
                try (TargetLock artifactLock = TargetLock.acquire(ws.target(), LockNotices.NONE)) {
                    reported = runs.submit(() -> new MateyTools(status).schemaStatus(target));
                    awaitWait(statusWaits, reported);
                }
            }
            assertThat(migrated.get(60, SECONDS).after()).isEqualTo(1);
            assertThat(reported.get(60, SECONDS).clean()).isTrue();
        } finally {
            runs.shutdownNow();
        }
        assertThat(upWaits).singleElement().asString().startsWith("waiting for the migration lock (the lock file "
                + database + SqliteEngine.LOCK_FILE_SUFFIX + "), held by process " + ProcessHandle.current().pid());
        assertThat(statusWaits).singleElement().asString().startsWith("waiting for the artifact lock of target "
                + ws.target() + ", held by process " + ProcessHandle.current().pid());
    }

    /** Until the run says it waits (it goes on only once the test frees the lock). */
    private static void awaitWait(List<String> waits, Future<?> run) throws Exception {
        long giveUp = System.nanoTime() + SECONDS.toNanos(60); // a bound on a silent wait, not a timing
        while (waits.isEmpty()) {
            if (run.isDone()) {
                run.get(); // a failed run is reported as such, not as silence
            }
            assertThat(System.nanoTime()).as("the run waits without a word").isLessThan(giveUp);
            Thread.sleep(20);
        }
    }
}
