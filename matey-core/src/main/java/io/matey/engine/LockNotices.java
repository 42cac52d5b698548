package io.matey.engine;

import java.util.function.Consumer;

/**
 * What a process tells about the locks it waits for (docs/architecture.md §4): a command that finds the artifact
 * lock or the migration lock held says so at once, naming the holder, instead of waiting silently. A holder of a
 * lock file writes into it what it is doing, so that a waiter can name it.
 */
public final class LockNotices {

    private static volatile Consumer<String> sink = line -> { };
    private static volatile String activity = "";

    private LockNotices() {
    }

    /** Where the waiting lines go (the app: stderr); nowhere until set. */
    public static void to(Consumer<String> lines) {
        sink = lines;
    }

    /** What this process is doing, as a waiter is shown it: {@code matey schema apply}. */
    public static void activity(String what) {
        activity = what;
    }

    static String activity() {
        return activity;
    }

    /** One line saying what this process waits for and who holds it. */
    public static void waiting(String line) {
        sink.accept(line);
    }
}
