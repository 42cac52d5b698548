package io.matey.artifact;

import io.matey.MateyException;
import io.matey.engine.FileMutex;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Serialises everything that reads or writes one target's artifacts, across processes and threads. Blocking and
 * re-entrant per thread; close it on the thread that acquired it. The lock file lives in the temp directory, not
 * the repository, so it never shows up in git.
 */
public final class TargetLock implements AutoCloseable {

    private final FileMutex mutex;

    private TargetLock(FileMutex mutex) {
        this.mutex = mutex;
    }

    /** Blocks until this thread holds the lock of the target directory. */
    public static TargetLock acquire(Path targetDir) {
        Path lockFile = lockFileFor(targetDir);
        try {
            return new TargetLock(FileMutex.acquire(lockFile));
        } catch (UncheckedIOException e) {
            throw new MateyException("Cannot lock target " + targetDir + " (" + lockFile + "): " + e.getMessage(), e);
        }
    }

    /** {@code <tmp>/matey-locks/<BLAKE2b-128 of the absolute target path>-tx.lock}, as Python matey names it. */
    static Path lockFileFor(Path targetDir) {
        String key = targetDir.toAbsolutePath().normalize().toString();
        return Path.of(System.getProperty("java.io.tmpdir"), "matey-locks",
                Digests.blake2b(128, key.getBytes(StandardCharsets.UTF_8)) + "-tx.lock");
    }

    @Override
    public void close() {
        mutex.close();
    }
}
