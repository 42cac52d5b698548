package io.matey.artifact;

import io.matey.MateyException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises everything that reads or writes one target's artifacts, across processes and threads. Blocking and
 * re-entrant per thread; close it on the thread that acquired it. The lock file lives in the temp directory, not
 * the repository, so it never shows up in git.
 */
public final class TargetLock implements AutoCloseable {

    /**
     * A JVM holds a file lock once for all its threads and throws OverlappingFileLockException on a second
     * attempt, so threads queue on an in-process lock and only the outermost holder takes the file lock.
     */
    private static final class Holder {
        final ReentrantLock threads = new ReentrantLock();
        FileChannel channel;
    }

    private static final ConcurrentMap<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    private final Holder holder;
    private boolean closed;

    private TargetLock(Holder holder) {
        this.holder = holder;
    }

    /** Blocks until this thread holds the lock of the target directory. */
    public static TargetLock acquire(Path targetDir) {
        Path lockFile = lockFileFor(targetDir);
        Holder holder = HOLDERS.computeIfAbsent(lockFile, path -> new Holder());
        holder.threads.lock();
        if (holder.threads.getHoldCount() == 1) {
            try {
                Files.createDirectories(lockFile.getParent());
                holder.channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                holder.channel.lock(); // held until the channel closes
            } catch (IOException e) {
                closeChannel(holder);
                holder.threads.unlock();
                throw new MateyException("Cannot lock target " + targetDir + " (" + lockFile + "): " + e.getMessage(), e);
            }
        }
        return new TargetLock(holder);
    }

    /** {@code <tmp>/matey-locks/<BLAKE2b-128 of the absolute target path>-tx.lock}, as Python matey names it. */
    static Path lockFileFor(Path targetDir) {
        String key = targetDir.toAbsolutePath().normalize().toString();
        return Path.of(System.getProperty("java.io.tmpdir"), "matey-locks",
                Digests.blake2b(128, key.getBytes(StandardCharsets.UTF_8)) + "-tx.lock");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (holder.threads.getHoldCount() == 1) {
            closeChannel(holder); // closing the channel releases the file lock
        }
        holder.threads.unlock();
    }

    private static void closeChannel(Holder holder) {
        try {
            if (holder.channel != null) {
                holder.channel.close();
            }
        } catch (IOException e) {
            // The process-wide lock is released with the channel even if close reports an error.
        } finally {
            holder.channel = null;
        }
    }
}
