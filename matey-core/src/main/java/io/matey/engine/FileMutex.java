package io.matey.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A blocking lock shared by threads and processes, held on a lock file. A JVM cannot hold two
 * {@link FileLock}s on one file, so threads first queue on an in-process lock per path.
 */
public final class FileMutex implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;
    private boolean closed;

    private FileMutex(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this thread holds the lock on {@code lockFile} (re-entrant within a thread). */
    public static FileMutex acquire(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        if (threadLock.getHoldCount() > 1) {
            return new FileMutex(threadLock, null, null);
        }
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new FileMutex(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e instanceof IOException io ? new UncheckedIOException("Cannot lock " + key + ": " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    /** Releases the lock; closing twice is harmless. Close on the thread that acquired it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (fileLock != null) {
                fileLock.release();
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threadLock.unlock();
        }
    }
}
