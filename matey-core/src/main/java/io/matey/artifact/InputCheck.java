package io.matey.artifact;

import static io.matey.artifact.DiagnosticCode.*;

import io.matey.workspace.TargetPaths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Checks the files of a snapshot on their own: valid paths, readable text, nothing missing or left over. */
final class InputCheck {

    /**
     * The usable inputs. Checkpoints that exist but are not UTF-8 are in {@code checkpointPaths} but have no
     * digest; {@code schemaDigest} is null when schema.sql is missing or not UTF-8.
     */
    record Inputs(SortedMap<String, byte[]> migrations, Set<String> checkpointPaths,
            Map<String, String> checkpointDigests, String schemaDigest) {
    }

    private final List<Diagnostic> diagnostics;

    InputCheck(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    Inputs check(Snapshot snapshot) {
        SortedMap<String, byte[]> migrations = validPaths(snapshot.migrations(), ArtifactNames.MIGRATIONS_DIR);
        SortedMap<String, CheckpointFile> checkpoints =
                validPaths(snapshot.checkpoints(), ArtifactNames.CHECKPOINTS_DIR);
        Map<String, String> checkpointDigests = new HashMap<>();
        checkpoints.forEach((path, file) -> validText(path, file.digest(), "Checkpoint")
                .ifPresent(digest -> checkpointDigests.put(path, digest)));
        String schemaDigest = snapshot.schema()
                .flatMap(bytes -> validText(ArtifactNames.SCHEMA_FILE, Digests.textDigest(bytes), "schema.sql"))
                .orElse(null);
        return new Inputs(migrations, checkpoints.keySet(), checkpointDigests, schemaDigest);
    }

    /** Reports artifacts that should exist but do not, and checkpoints no migration accounts for. */
    void checkPresence(Snapshot snapshot, Inputs inputs) {
        boolean hasLock = snapshot.lockFile().isPresent();
        if (hasLock && snapshot.schema().isEmpty()) {
            report(INPUT_SCHEMA_MISSING, ArtifactNames.SCHEMA_FILE, "schema.lock.toml exists but schema.sql is missing.");
        }
        if (!hasLock && !inputs.migrations().isEmpty()) {
            report(INPUT_LOCK_MISSING, ArtifactNames.LOCK_FILE,
                    "Migrations exist but schema.lock.toml is missing; run `matey schema apply"
                            + TargetPaths.option(snapshot.targetName()) + "`.");
        }
        Set<String> expected = inputs.migrations().keySet().stream()
                .map(Snapshot::checkpointPathFor)
                .collect(Collectors.toSet());
        for (String checkpoint : inputs.checkpointPaths()) {
            if (!expected.contains(checkpoint)) {
                report(INPUT_ORPHAN_CHECKPOINT, checkpoint, "Checkpoint has no matching migration.");
            }
        }
    }

    private <T> SortedMap<String, T> validPaths(SortedMap<String, T> files, String dir) {
        SortedMap<String, T> valid = new TreeMap<>(CodePointOrder.INSTANCE);
        Map<String, String> rawByNormal = new HashMap<>();
        files.forEach((raw, content) -> {
            Optional<String> normal = RelativePath.normalize(raw)
                    .filter(path -> path.startsWith(dir + "/") && path.endsWith(".sql"));
            if (normal.isEmpty()) {
                report(INPUT_PATH_INVALID, raw, "Expected a relative path under " + dir + "/ ending in .sql.");
            } else if (rawByNormal.containsKey(normal.get())) {
                report(INPUT_PATH_DUPLICATE, raw, "Same path as '" + rawByNormal.get(normal.get())
                        + "' after normalisation; ignored.");
            } else {
                rawByNormal.put(normal.get(), raw);
                valid.put(normal.get(), content);
            }
        });
        return valid;
    }

    /** Reports a file whose digest is missing because it is not UTF-8. */
    private Optional<String> validText(String path, Optional<String> digest, String what) {
        if (digest.isEmpty()) {
            report(INPUT_PATH_INVALID, path, what + " is not valid UTF-8.");
        }
        return digest;
    }

    private void report(DiagnosticCode code, String path, String detail) {
        diagnostics.add(new Diagnostic(code, path, detail));
    }
}
