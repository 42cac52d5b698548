package io.matey.artifact;

import io.matey.engine.LockNotices;
import java.util.Map;
import java.util.Set;

/** Leaves a target as a process killed in the middle of an artifact write would: the journal stopped at a step. */
public final class InterruptedWrite {

    private InterruptedWrite() {
    }

    /** Commits {@code writes} and {@code deletes} but stops dead right after {@code step} (e.g. "write schema.sql"). */
    public static void stopAfter(String step, java.nio.file.Path targetDir, Map<String, byte[]> writes,
            Set<String> deletes) {
        try {
            new ArtifactJournal(targetDir, LockNotices.NONE, done -> {
                if (done.equals(step)) {
                    throw new Stop();
                }
            }).commit(writes, deletes);
        } catch (Stop expected) {
            return;
        }
        throw new AssertionError("the commit never reached step '" + step + "'");
    }

    private static final class Stop extends RuntimeException {
    }
}
