package io.matey;

import io.matey.artifact.Diagnostic;
import java.util.List;

/** The outcome of {@code schema status}: whether a target's artifacts are coherent, with every diagnostic. */
public record SchemaStatus(String target, int steps, List<Diagnostic> diagnostics) {

    public boolean clean() {
        return diagnostics.isEmpty();
    }
}
