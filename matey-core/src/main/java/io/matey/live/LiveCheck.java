package io.matey.live;

import io.matey.artifact.Diagnostic;
import java.util.List;

/**
 * {@code schema status}, {@code db status} and {@code db drift} of one target from a single reading of its
 * artifacts and one connection: what a running application reports. With artifacts that are not clean the
 * database is not read, and {@code status} and {@code drift} are null.
 *
 * @param diagnostics why the artifacts are not clean; empty when they are
 */
public record LiveCheck(String target, List<Diagnostic> diagnostics, LiveStatus status, LiveDrift drift) {

    public boolean clean() {
        return diagnostics.isEmpty();
    }
}
