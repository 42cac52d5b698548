package io.matey.engine;

import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock shared by threads and processes, held on a lock file. A JVM cannot hold two {@link FileLock}s on one
 * file, so threads first queue on an in-process lock per path. The holder writes who it is into the file, so
 * that a waiter that gives up can name it.
 */
public final class FileMutex implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;
    private static volatile String activity = "";

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;
    private boolean closed;

    private FileMutex(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * What this process is doing, as the holder line it writes names it: {@code matey schema apply}. One per process,
     * as the line names the process (docs/architecture.md §4).
     */
    public static void activity(String what) {
        activity = what;
    }

    /** Blocks until this thread holds the lock on {@code lockFile} (re-entrant within a thread). */
    public static FileMutex acquire(Path lockFile) {
        Path key = key(lockFile);
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        if (threadLock.getHoldCount() > 1) {
            return new FileMutex(threadLock, null, null);
        }
        try {
            FileChannel channel = open(key);
            return held(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw failure(key, e);
        }
    }

    /**
     * Waits at most {@code timeout} until this thread holds the lock on {@code lockFile} (re-entrant within a
     * thread); empty when another thread or process held it all along.
     */
    public static Optional<FileMutex> acquire(Path lockFile, Duration timeout) {
        Path key = key(lockFile);
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (threadLock.getHoldCount() > 1) {
            return Optional.of(new FileMutex(threadLock, null, null));
        }
        try {
            FileChannel channel = open(key);
            FileLock lock = channel.tryLock();
            while (lock == null && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                sleep();
                lock = channel.tryLock();
            }
            if (lock == null) {
                channel.close();
                threadLock.unlock();
                return Optional.empty();
            }
            return Optional.of(held(threadLock, channel, lock));
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw failure(key, e);
        }
    }

    /** Who holds (or last held) the lock on {@code lockFile}, as its holder wrote it; empty when unknown. */
    public static String holder(Path lockFile) {
        try {
            try (InputStream in = Files.newInputStream(key(lockFile), LinkOption.NOFOLLOW_LINKS)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            return "";
        }
    }

    private static FileMutex held(ReentrantLock threadLock, FileChannel channel, FileLock lock) throws IOException {
        // The pid alone: the runtime MXBean's "pid@host" costs a host-name lookup on every command, and lock files
        // live in a per-user directory of one machine.
        String doing = activity;
        String self = "process " + ProcessHandle.current().pid() + (doing.isEmpty() ? "" : " (" + doing + ")")
                + " since " + utcTimeOfDay(System.currentTimeMillis());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new FileMutex(threadLock, channel, lock);
    }

    /**
     * {@code 14:05:09 UTC}: in UTC and by hand, since every command takes a lock, and the local time zone's rules and
     * java.time's formatters cost a few milliseconds of a command's start to load (docs/architecture.md §8).
     */
    static String utcTimeOfDay(long epochMillis) {
        long second = Math.floorMod(Math.floorDiv(epochMillis, 1000L), 86_400L);
        return twoDigits(second / 3600) + ":" + twoDigits(second / 60 % 60) + ":" + twoDigits(second % 60) + " UTC";
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    private static Path key(Path lockFile) {
        return lockFile.toAbsolutePath().normalize();
    }

    /**
     * Opens the lock file without following a link: the holder line would otherwise overwrite whatever file a link
     * planted there points to (docs/architecture.md §4).
     */
    private static FileChannel open(Path key) throws IOException {
        Files.createDirectories(key.getParent());
        try {
            return FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            if (Files.isSymbolicLink(key)) {
                throw new MateyException("Lock file " + key + " is a symbolic link (to " + Files.readSymbolicLink(key)
                        + "); Matey does not write through links: remove the link (rm " + key + ") and re-run.");
            }
            throw e;
        }
    }

    private static RuntimeException failure(Path key, Exception e) {
        return e instanceof IOException io ? new UncheckedIOException("Cannot lock " + key + " (" + FileFailure.reason(io)
                + ")", io)
                : (RuntimeException) e;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
