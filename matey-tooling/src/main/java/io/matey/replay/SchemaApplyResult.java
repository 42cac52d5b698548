package io.matey.replay;

import io.matey.engine.MateyUrl;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code schema apply}: whether artifacts changed, and which files were written or deleted.
 *
 * @param codegen where generated models go ({@code models.py}, a java-records directory), empty without codegen
 * @param codegenWrote whether this apply wrote or deleted a generated model file
 * @param conflicted the artifacts (and generated models) a git merge had left conflict markers in, regenerated
 * @param removedModels the generated model files this apply deleted because no generation produces them now
 * @param removedDirectories the directories its deletions left empty and removed ('/'-terminated, outermost only)
 */
public record SchemaApplyResult(String target, boolean changed, List<String> changedFiles, MateyUrl scratchUrl,
        List<String> downChecked, List<String> downSkipped, List<AcceptedDown> downAccepted,
        Optional<String> codegen, boolean codegenWrote, List<String> conflicted, List<String> removedModels,
        List<String> removedDirectories) {
}
