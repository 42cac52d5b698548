package io.matey.artifact;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The largest migration or data file this process has read: what a command that runs out of memory names, since a
 * migration of tens of megabytes of data, or a data file of hundreds, is what exhausts the heap (README "Safety").
 */
public final class LargestInput {

    /**
     * A file, its size in bytes, and whether it is a data set's file (its rows are held) rather than a migration.
     */
    public record Read(String file, long size, boolean dataFile) {

        /** The size in megabytes, e.g. {@code 47.2 MB}. */
        public String megabytes() {
            return String.format(Locale.ROOT, "%.1f MB", size / 1_000_000.0);
        }
    }

    private static final AtomicReference<Read> LARGEST = new AtomicReference<>();

    private LargestInput() {
    }

    /** Records that migration {@code file} of {@code size} bytes was read. */
    public static void migration(String file, long size) {
        note(new Read(file, size, false));
    }

    /** Records that data file {@code file} of {@code size} bytes is being read. */
    public static void dataFile(String file, long size) {
        note(new Read(file, size, true));
    }

    private static void note(Read read) {
        LARGEST.accumulateAndGet(read, (was, now) -> was == null || now.size() > was.size() ? now : was);
    }

    public static Optional<Read> get() {
        return Optional.ofNullable(LARGEST.get());
    }
}
