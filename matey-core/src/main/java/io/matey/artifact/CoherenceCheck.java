package io.matey.artifact;

import static io.matey.artifact.DiagnosticCode.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares a structurally sound lock with the worktree steps recomputed from the snapshot. */
final class CoherenceCheck {

    private final List<Diagnostic> diagnostics;

    CoherenceCheck(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(String targetName, LockCheck.CheckedLock checked, List<WorktreeStep> steps, InputCheck.Inputs inputs) {
        SchemaLock lock = checked.lock();
        if (!lock.target().equals(targetName)) {
            report(COHERENCE_TARGET_MISMATCH, ArtifactNames.LOCK_FILE, "Lockfile target '" + lock.target()
                    + "' does not match target '" + targetName + "'.");
        }
        if (lock.headIndex() != checked.steps().size()) {
            report(COHERENCE_HEAD_INDEX_MISMATCH, ArtifactNames.LOCK_FILE, "head_index is " + lock.headIndex()
                    + " but the lockfile has " + checked.steps().size() + (checked.steps().size() == 1 ? " step." : " steps."));
        }
        if (lock.headIndex() != steps.size()) {
            report(COHERENCE_HEAD_INDEX_MISMATCH, ArtifactNames.LOCK_FILE, "head_index is " + lock.headIndex()
                    + " but the worktree has " + steps.size() + (steps.size() == 1 ? " migration." : " migrations."));
        }
        String headChain = steps.isEmpty()
                ? Digests.chainSeed(lock.engine(), lock.target())
                : steps.get(steps.size() - 1).chainHash();
        if (!lock.headChainHash().equals(headChain)) {
            report(COHERENCE_HEAD_CHAIN_MISMATCH, ArtifactNames.LOCK_FILE,
                    "head_chain_hash does not match the chain recomputed from the worktree migrations.");
        }
        if (inputs.schemaDigest() != null && !inputs.schemaDigest().equals(lock.headSchemaDigest())) {
            report(COHERENCE_SCHEMA_DIGEST_MISMATCH, ArtifactNames.SCHEMA_FILE,
                    "schema.sql does not match head_schema_digest.");
        }
        Map<String, LockStep> byFile = new LinkedHashMap<>();
        checked.steps().forEach(step -> byFile.put(step.migrationFile(), step));
        // Each chain_hash folds in the one before it, so one edit breaks every later entry: report the first only.
        List<String> chainBreaks = steps.stream()
                .filter(step -> byFile.containsKey(step.migrationFile())
                        && !byFile.get(step.migrationFile()).chainHash().equals(step.chainHash()))
                .map(WorktreeStep::migrationFile)
                .toList();
        for (WorktreeStep step : steps) {
            LockStep recorded = byFile.get(step.migrationFile());
            if (recorded == null) {
                report(COHERENCE_NEW_IN_INPUT, step.migrationFile(), "Migration is not in the lockfile.");
            } else {
                compare(recorded, step, inputs.checkpointPaths().contains(step.checkpointFile()));
                if (!chainBreaks.isEmpty() && step.migrationFile().equals(chainBreaks.get(0))) {
                    reportChainBreak(step.migrationFile(), chainBreaks.size() - 1);
                }
            }
        }
        Set<String> present = steps.stream().map(WorktreeStep::migrationFile).collect(Collectors.toSet());
        byFile.keySet().stream()
                .filter(file -> !present.contains(file))
                .forEach(file -> report(COHERENCE_MISSING_FROM_INPUT, file,
                        "Lockfile step has no migration file in the worktree."));
    }

    private void compare(LockStep recorded, WorktreeStep step, boolean checkpointExists) {
        String file = step.migrationFile();
        if (recorded.index() != step.index()) {
            report(COHERENCE_STEP_INDEX_MISMATCH, file, "Lockfile index " + recorded.index()
                    + " but worktree position " + step.index() + ".");
        }
        if (!recorded.version().equals(step.version())) {
            report(COHERENCE_STEP_VERSION_MISMATCH, file, "Lockfile version '" + recorded.version()
                    + "' but worktree version '" + step.version() + "'.");
        }
        if (!recorded.migrationDigest().equals(step.migrationDigest())) {
            report(COHERENCE_MIGRATION_DIGEST_MISMATCH, file, "Migration changed since the lockfile was written.");
        }
        String checkpoint = step.checkpointFile();
        if (!recorded.checkpointFile().equals(checkpoint)) {
            report(COHERENCE_CHECKPOINT_MISMATCH, checkpoint, "Lockfile maps the migration to '"
                    + recorded.checkpointFile() + "'.");
        }
        if (!checkpointExists) {
            report(COHERENCE_CHECKPOINT_MISSING, checkpoint, "Checkpoint file is missing.");
        } else if (step.checkpointDigest() != null) { // an unreadable one is already input-path-invalid
            if (!step.checkpointDigest().equals(recorded.checkpointDigest())) {
                report(COHERENCE_CHECKPOINT_MISMATCH, checkpoint, "Checkpoint does not match checkpoint_digest.");
            }
            if (!step.checkpointDigest().equals(recorded.schemaDigest())) {
                report(COHERENCE_STEP_SCHEMA_MISMATCH, checkpoint, "Checkpoint does not match schema_digest.");
            }
        }
    }

    private void reportChainBreak(String file, int later) {
        report(COHERENCE_CHAIN_HASH_MISMATCH, file, "chain_hash does not match the recomputed chain" + switch (later) {
            case 0 -> ".";
            case 1 -> ", and 1 later entry chains from it.";
            default -> ", and " + later + " later entries chain from it.";
        });
    }

    private void report(DiagnosticCode code, String path, String detail) {
        diagnostics.add(new Diagnostic(code, path, detail));
    }
}
