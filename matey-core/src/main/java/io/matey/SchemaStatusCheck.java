package io.matey;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.LockState;
import io.matey.artifact.Snapshot;
import io.matey.artifact.TargetLock;
import io.matey.workspace.TargetConfig;

/** {@code schema status}: recovers an interrupted write, then checks the artifacts' coherence. */
final class SchemaStatusCheck {

    private SchemaStatusCheck() {
    }

    static SchemaStatus check(TargetConfig target) {
        try (TargetLock lock = TargetLock.acquire(target.dir())) {
            new ArtifactJournal(target.dir()).recover();
            LockState state = LockState.of(Snapshot.ofWorktree(target.dir(), target.name()));
            return new SchemaStatus(target.name(), state.steps().size(), state.diagnostics());
        }
    }
}
