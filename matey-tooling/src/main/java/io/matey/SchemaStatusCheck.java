package io.matey;

import io.matey.artifact.ArtifactNames;
import io.matey.artifact.ConflictCheck;
import io.matey.artifact.Diagnostic;
import io.matey.artifact.DiagnosticCode;
import io.matey.artifact.LockState;
import io.matey.artifact.Snapshot;
import io.matey.codegen.GeneratedFiles;
import io.matey.codegen.ModelConflicts;
import io.matey.codegen.StaleModels;
import io.matey.engine.LockNotices;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.replay.StaleAcceptances;
import io.matey.replay.StaleRoles;
import io.matey.workspace.TargetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code schema status}: recovers an interrupted write, then checks the artifacts' coherence, the roles and accepted
 * inexact downs the lock records ({@link StaleRoles}, {@link StaleAcceptances}) and looks for generated models that a former codegen configuration left. Files it cannot read (git conflict markers in a
 * migration or an artifact, a NUL byte in a migration, a fatal diagnostic) are bad input, not a stale report: an error, exit 2.
 */
final class SchemaStatusCheck {

    private SchemaStatusCheck() {
    }

    /** @param notices where a wait for the target lock is told */
    static SchemaStatus check(TargetConfig target, LockNotices notices) {
        // Nothing can be checked against an engine Matey does not know: "clean" would be a false report.
        target.knownEngine();
        LockState state = LockState.of(Snapshot.ofRecoveredWorktree(target.dir(), target.name(), notices));
        // A conflicted (or NUL-holding) migration first: fixing it by hand comes before regenerating the artifacts from it.
        state.snapshot().migrations().forEach((file, sql) ->
                new Migration(file, Snapshot.versionOf(file), sql).requireReadableIn(target.name()));
        Set<String> generated = GeneratedFiles.in(target.dir());
        List<Diagnostic> modelConflicts = ModelConflicts.in(target, generated);
        if (!state.conflictedFiles().isEmpty() || !modelConflicts.isEmpty()) {
            List<String> files = new ArrayList<>(state.conflictedFiles());
            modelConflicts.forEach(d -> files.add(d.path()));
            List<Diagnostic> all = new ArrayList<>(state.diagnostics());
            all.addAll(modelConflicts);
            throw new MateyException(ConflictCheck.advice(target.name(), files) + " Diagnostics:"
                    + Diagnostic.describe(all));
        }
        List<Diagnostic> fatal = state.fatalDiagnostics();
        if (!fatal.isEmpty()) {
            throw new MateyException("The artifacts of target '" + target.name() + "' cannot be checked. "
                    + state.fatalAdvice().orElseThrow() + " Diagnostics:" + Diagnostic.describe(fatal));
        }
        List<Diagnostic> diagnostics = new ArrayList<>(state.diagnostics());
        StaleRoles.of(state, target.knownEngine().serverRoles()).forEach(step -> diagnostics.add(new Diagnostic(
                DiagnosticCode.COHERENCE_STEP_ROLES_MISMATCH, ArtifactNames.LOCK_FILE,
                step.describe() + ": " + StaleRoles.Step.fix(target.name()) + ".")));
        StaleAcceptances.of(state, target.inexactDowns()).forEach(step -> diagnostics.add(new Diagnostic(
                DiagnosticCode.COHERENCE_STEP_DOWN_ACCEPTED_MISMATCH, ArtifactNames.LOCK_FILE,
                step.describe() + ": " + StaleAcceptances.Step.fix(target.name()) + ".")));
        StaleModels.withoutReplay(target, generated).forEach(path -> diagnostics.add(new Diagnostic(
                DiagnosticCode.CODEGEN_STALE_FILE, path,
                "Generated file the [codegen] configuration no longer produces: schema apply deletes it.")));
        return new SchemaStatus(target.name(), state.steps().size(), List.copyOf(diagnostics));
    }
}
