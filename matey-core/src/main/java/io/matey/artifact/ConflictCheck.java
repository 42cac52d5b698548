package io.matey.artifact;

import static io.matey.artifact.DiagnosticCode.INPUT_CONFLICT_MARKERS;

import io.matey.workspace.TargetPaths;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the generated artifacts a git merge left conflict markers in. They are derived from the migrations, so
 * the way out is to regenerate them from the merged migrations, which {@code schema apply} does by replaying every
 * migration (docs/architecture.md §4); a conflicted lock is not parsed, as it cannot be trusted. Generated models are
 * checked by {@code codegen.ModelConflicts}, which knows the codegen configuration.
 */
public final class ConflictCheck {

    private final List<Diagnostic> diagnostics;

    ConflictCheck(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reports the lock, schema.sql, then the checkpoints in order; true when the lock is conflicted. */
    boolean check(Snapshot snapshot) {
        OptionalInt lockLine = snapshot.lockFile().map(ConflictMarkers::firstLine).orElse(OptionalInt.empty());
        report(ArtifactNames.LOCK_FILE, lockLine);
        snapshot.schema().ifPresent(bytes -> report(ArtifactNames.SCHEMA_FILE, ConflictMarkers.firstLine(bytes)));
        snapshot.checkpoints().forEach((path, file) -> report(path, file.conflictLine()));
        return lockLine.isPresent();
    }

    /** What to do about the conflicted {@code files}, as the commands that stop on them say it. */
    public static String advice(String targetName, List<String> files) {
        return "Git merge conflict markers in " + String.join(", ", files) + " of target '" + targetName
                + "': generated artifacts are regenerated, not merged by hand. Run `matey schema apply"
                + TargetPaths.option(targetName) + "`, which replays the merged migrations "
                + "and rewrites schema.sql, the checkpoints, schema.lock.toml and any generated models; then `git add` "
                + "them and commit the merge.";
    }

    /** The {@code input-conflict-markers} diagnostic of a generated file; empty when it holds no conflict. */
    public static Optional<Diagnostic> of(String path, byte[] content) {
        return diagnostic(path, ConflictMarkers.firstLine(content));
    }

    private void report(String path, OptionalInt line) {
        diagnostic(path, line).ifPresent(diagnostics::add);
    }

    private static Optional<Diagnostic> diagnostic(String path, OptionalInt line) {
        return line.isPresent() ? Optional.of(new Diagnostic(INPUT_CONFLICT_MARKERS, path,
                "Git merge conflict markers at line " + line.getAsInt() + ".")) : Optional.empty();
    }
}
