package io.matey;

import io.matey.artifact.LockState;
import io.matey.artifact.Snapshot;
import io.matey.workspace.TargetConfig;

/** {@code schema status}: recovers an interrupted write, then checks the artifacts' coherence. */
final class SchemaStatusCheck {

    private SchemaStatusCheck() {
    }

    static SchemaStatus check(TargetConfig target) {
        // Nothing can be checked against an engine Matey does not know: "clean" would be a false report.
        target.knownEngine();
        LockState state = LockState.of(Snapshot.ofRecoveredWorktree(target.dir(), target.name()));
        return new SchemaStatus(target.name(), state.steps().size(), state.diagnostics());
    }
}
