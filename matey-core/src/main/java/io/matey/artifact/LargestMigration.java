package io.matey.artifact;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The largest migration file this process has read: what a command that runs out of memory names, since a
 * migration of tens of megabytes of data is what exhausts the heap (README "Safety").
 */
public final class LargestMigration {

    /** A file and its size in bytes. */
    public record Read(String file, long size) {

        /** The size in megabytes, e.g. {@code 47.2 MB}. */
        public String megabytes() {
            return String.format(Locale.ROOT, "%.1f MB", size / 1_000_000.0);
        }
    }

    private static final AtomicReference<Read> LARGEST = new AtomicReference<>();

    private LargestMigration() {
    }

    /** Records that {@code file} of {@code size} bytes was read. */
    public static void note(String file, long size) {
        Read read = new Read(file, size);
        LARGEST.accumulateAndGet(read, (was, now) -> was == null || now.size() > was.size() ? now : was);
    }

    public static Optional<Read> get() {
        return Optional.ofNullable(LARGEST.get());
    }
}
