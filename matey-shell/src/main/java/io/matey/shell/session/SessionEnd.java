package io.matey.shell.session;

import java.util.concurrent.CompletableFuture;

/**
 * A session's command outlives no session: a session killed outright (SIGKILL), which cannot pass a signal on, would
 * leave its command running on, holding its scratch database and the artifact lock (docs/architecture.md §8).
 */
public final class SessionEnd {

    /** The system property naming the process id of the session that started this command ({@link CommandProcess}). */
    static final String PROPERTY = "matey.session.pid";

    private SessionEnd() {
    }

    /** Runs {@code stop} once the session that started this process has ended; never for a command run from a shell. */
    public static void whenEnded(Runnable stop) {
        String pid = System.getProperty(PROPERTY);
        if (pid != null) {
            ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null)).thenRun(stop);
        }
    }
}
