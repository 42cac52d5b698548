package io.matey.engine;

/**
 * Where a run tells about the locks it waits for (docs/architecture.md §4): a command that finds the artifact lock
 * or the migration lock held says so at once, naming the holder, instead of waiting silently. Each run has its own
 * (the app: stderr; an application context: its log), passed where the waits happen, so that two runs in one JVM
 * never tell each other's waits.
 */
@FunctionalInterface
public interface LockNotices {

    /** Waits go untold. */
    LockNotices NONE = line -> { };

    /** One line saying what this run waits for and who holds it. */
    void waiting(String line);
}
