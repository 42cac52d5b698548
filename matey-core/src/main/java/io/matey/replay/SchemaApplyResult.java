package io.matey.replay;

import io.matey.engine.MateyUrl;
import java.util.List;

/** The outcome of {@code schema apply}: whether artifacts changed, and which files were written or deleted. */
public record SchemaApplyResult(String target, boolean changed, List<String> changedFiles, MateyUrl scratchUrl,
        List<String> downChecked, List<String> downSkipped, List<AcceptedDown> downAccepted) {
}
