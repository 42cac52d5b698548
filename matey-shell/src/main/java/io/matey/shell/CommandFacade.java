package io.matey.shell;

import io.matey.Matey;

/**
 * The façade a command runs with: the process's directory and environment ({@link Matey#at}), each lock it finds
 * held told at once on stderr, {@code matey: waiting for the migration lock (...), held by ...} (docs/architecture.md
 * §4).
 */
public final class CommandFacade {

    private CommandFacade() {
    }

    public static Matey at(String workspace) {
        return Matey.at(workspace).withLockNotices(line -> System.err.println("matey: " + line));
    }
}
