package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.artifact.TargetLock;
import io.matey.engine.FileMutex;
import io.matey.engine.LockNotices;
import io.matey.engine.sqlite.SqliteEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that finds a lock held says so at once, naming the holder, instead of waiting silently: the artifact
 * lock for reports ({@code schema status}, {@code db status}), the migration lock for {@code db up}. This test's
 * JVM holds the lock, as a long {@code schema apply} or {@code db up} of another shell would, while the app runs.
 */
class LockWaitNoticeTest {

    private static final String SINCE = " since \\d\\d:\\d\\d:\\d\\d UTC";

    @TempDir
    Path tmp;

    @AfterEach
    void forgetActivity() {
        FileMutex.activity("");
    }

    @Test
    void reportsSayAtOnceWhoHoldsTheArtifactLockThenReport() throws Exception {
        Path dir = tmp.toRealPath(); // the app locks the target by its real path
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        FileMutex.activity("matey schema apply");
        Process status;
        Process dbStatus;
        try (TargetLock held = TargetLock.acquire(dir, LockNotices.NONE)) {
            status = MateyProcess.start(dir, env, dir.resolve("status.out"), dir.resolve("status.err"), "schema", "status");
            dbStatus = MateyProcess.start(dir, env, dir.resolve("db.out"), dir.resolve("db.err"), "db", "status");
            String expected = "matey: waiting for the artifact lock of target " + dir + ", held by process "
                    + ProcessHandle.current().pid() + " \\(matey schema apply\\)" + SINCE + "\n";
            assertThat(firstErrorLine(status, dir.resolve("status.err"))).matches(expected);
            assertThat(firstErrorLine(dbStatus, dir.resolve("db.err"))).matches(expected);
            assertThat(status.isAlive()).as("schema status waits for the lock").isTrue();
        }
        assertThat(status.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(dbStatus.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(status.exitValue()).as(read(dir.resolve("status.err"))).isZero();
        assertThat(read(dir.resolve("status.out"))).contains("clean");
        assertThat(dbStatus.exitValue()).as(read(dir.resolve("db.err"))).isZero();
        assertThat(read(dir.resolve("db.out"))).contains("Pending: 0");
    }

    @Test
    void dbUpSaysAtOnceWhoHoldsTheMigrationLockThenMigrates() throws Exception {
        Path dir = tmp.toRealPath();
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_t.sql"), "-- migrate:up\nCREATE TABLE t (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "apply").exitCode()).isZero();
        Path database = dir.resolve("live.sqlite3");
        FileMutex.activity("matey db up");
        Process up;
        try (FileMutex held = FileMutex.acquire(Path.of(database + SqliteEngine.LOCK_FILE_SUFFIX))) {
            up = MateyProcess.start(dir, Map.of("DATABASE_URL", "sqlite3:" + database), dir.resolve("up.out"),
                    dir.resolve("up.err"), "db", "up");
            assertThat(firstErrorLine(up, dir.resolve("up.err"))).matches("matey: waiting for the migration lock \\(the "
                    + "lock file " + database + SqliteEngine.LOCK_FILE_SUFFIX + "\\), held by process "
                    + ProcessHandle.current().pid() + " \\(matey db up\\)" + SINCE + ", at most 10m\n");
            assertThat(up.isAlive()).as("db up waits for the lock").isTrue();
        }
        assertThat(up.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(up.exitValue()).as(read(dir.resolve("up.err"))).isZero();
        assertThat(read(dir.resolve("up.out"))).contains("migrations/001_t.sql");
    }

    /** The first line the process writes to stderr, waited for while it runs (it ends only once the lock is free). */
    private static String firstErrorLine(Process process, Path stderr) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a bound on a silent wait, not a timing
        while (true) {
            String text = read(stderr);
            if (text.contains("\n")) {
                return text.substring(0, text.indexOf('\n') + 1);
            }
            assertThat(process.isAlive()).as("the command still runs, saying nothing: %s", text).isTrue();
            assertThat(System.nanoTime()).as("the command waits without a word").isLessThan(giveUp);
            Thread.sleep(50);
        }
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
