package io.matey.log;

import java.util.function.Consumer;

/**
 * A consumer of progress lines (one per migration done) that is also told when a migration's section starts: a
 * terminal shows a long one running (README "Commands"); other consumers get the lines alone.
 */
public interface SectionProgress extends Consumer<String> {

    /** {@code file}'s {@code direction} ({@code up}, {@code down}) section starts. */
    void starting(String file, String direction);

    /** Tells {@code progress} that a section starts, when it is one that listens. */
    static void starting(Consumer<String> progress, String file, String direction) {
        if (progress instanceof SectionProgress listening) {
            listening.starting(file, direction);
        }
    }
}
