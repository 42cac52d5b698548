package io.matey.replay;

import io.matey.schema.SchemaDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code schema plan --diff} shows of the generated model files: the unified diff of each one the replay would
 * rewrite, so that a hand edit shows as what {@code schema apply} undoes (docs/architecture.md §6).
 */
final class ModelDiff {

    private ModelDiff() {
    }

    /** @param generated every model file the replay rendered, by path relative to the target directory */
    static String of(Path targetDir, Map<String, byte[]> generated, ArtifactChanges changes) {
        StringBuilder out = new StringBuilder();
        changes.writes().forEach((path, bytes) -> {
            if (generated.containsKey(path)) {
                out.append(SchemaDiff.text(ArtifactChanges.text(targetDir.resolve(path)),
                        new String(bytes, StandardCharsets.UTF_8), "worktree/" + path, "replay/" + path));
            }
        });
        return out.toString();
    }
}
