package io.matey.artifact;

import io.matey.workspace.TargetPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a snapshot's artifacts stand: its lock, the steps recomputed from its migrations, and every reason they
 * disagree. Live commands need a clean state; {@code schema plan|apply} only refuse fatal diagnostics.
 */
public final class LockState {

    private final Snapshot snapshot;
    private final SchemaLock lock;
    private final List<LockStep> lockSteps;
    private final List<WorktreeStep> steps;
    private final List<Diagnostic> diagnostics;

    private LockState(Snapshot snapshot, Optional<LockCheck.CheckedLock> checked, List<WorktreeStep> steps,
            List<Diagnostic> diagnostics) {
        this.snapshot = snapshot;
        this.lock = checked.map(LockCheck.CheckedLock::lock).orElse(null);
        this.lockSteps = checked.map(LockCheck.CheckedLock::steps).orElse(List.of());
        this.steps = List.copyOf(steps);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Diagnostics come in a fixed order: conflict markers, lockfile structure, then inputs, then coherence. */
    public static LockState of(Snapshot snapshot) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean lockConflicted = new ConflictCheck(diagnostics).check(snapshot);
        Optional<LockCheck.CheckedLock> checked = lockConflicted ? Optional.empty()
                : new LockCheck(diagnostics).check(snapshot);
        InputCheck inputCheck = new InputCheck(diagnostics);
        InputCheck.Inputs inputs = inputCheck.check(snapshot);
        inputCheck.checkPresence(snapshot, inputs);
        // Without a lock the chain is still computed, bound to no engine, so it can be shown and compared.
        String seed = checked
                .map(c -> Digests.chainSeed(c.lock().engine(), c.lock().target()))
                .orElseGet(() -> Digests.chainSeed("", snapshot.targetName()));
        List<WorktreeStep> steps = worktreeSteps(inputs, seed);
        checked.ifPresent(c -> new CoherenceCheck(diagnostics).check(snapshot.targetName(), c, steps, inputs));
        return new LockState(snapshot, checked, steps, diagnostics);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The parsed lock, absent when there is no lockfile, it holds conflict markers or it could not be parsed. */
    public Optional<SchemaLock> lock() {
        return Optional.ofNullable(lock);
    }

    public List<WorktreeStep> steps() {
        return steps;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean isClean() {
        return diagnostics.isEmpty();
    }

    /**
     * Why the artifacts were written by another tool, with the command that regenerates them; empty when they are
     * Matey's. Foreign artifacts are never replayed from or verified against ({@link ForeignArtifacts}).
     */
    public Optional<String> foreignReason() {
        return diagnostics.stream().filter(d -> d.code() == DiagnosticCode.LOCKFILE_CANONICALIZER_MISMATCH)
                .map(Diagnostic::detail).findFirst();
    }

    /** The artifacts a git merge left conflict markers in ({@link ConflictCheck}); empty when none. */
    public List<String> conflictedFiles() {
        return diagnostics.stream().filter(d -> d.code() == DiagnosticCode.INPUT_CONFLICT_MARKERS)
                .map(Diagnostic::path).toList();
    }

    /** The conflicted files with the way out, for the messages of commands that stop on them; empty when none. */
    public Optional<String> conflictAdvice() {
        List<String> files = conflictedFiles();
        return files.isEmpty() ? Optional.empty() : Optional.of(ConflictCheck.advice(snapshot.targetName(), files));
    }

    public List<Diagnostic> fatalDiagnostics() {
        return diagnostics.stream().filter(d -> d.code().isFatal()).toList();
    }

    /**
     * The way out of fatal diagnostics, which stop {@code schema apply --clean} too until the file is fixed or gone,
     * for every command that stops on them; empty when none.
     */
    public Optional<String> fatalAdvice() {
        return fatalDiagnostics().isEmpty() ? Optional.empty() : Optional.of("Fix or delete the file named, then run "
                + "`matey schema apply --clean" + TargetPaths.option(snapshot.targetName()) + "`.");
    }

    /**
     * The first step (1-based) whose (version, file, digest) differs from the lock; empty when they agree.
     * A lock written for another target shares nothing, so everything is replayed.
     */
    public OptionalInt divergenceFromLock() {
        if (lock != null && !lock.target().equals(snapshot.targetName())) {
            return OptionalInt.of(1);
        }
        return Divergence.between(lockSteps.stream().map(LockStep::key).toList(), keys(steps));
    }

    /** The first step (1-based) where this state's migrations differ from {@code base}'s (for {@code --base}). */
    public OptionalInt divergenceFrom(LockState base) {
        return Divergence.between(keys(base.steps), keys(steps));
    }

    private static List<StepKey> keys(List<WorktreeStep> steps) {
        return steps.stream().map(WorktreeStep::key).toList();
    }

    private static List<WorktreeStep> worktreeSteps(InputCheck.Inputs inputs, String seed) {
        List<WorktreeStep> steps = new ArrayList<>();
        String chain = seed;
        for (var migration : inputs.migrations().entrySet()) {
            String file = migration.getKey();
            String version = Snapshot.versionOf(file);
            String digest = Digests.digest(migration.getValue());
            String checkpoint = Snapshot.checkpointPathFor(file);
            chain = Digests.chainStep(chain, version, file, digest);
            steps.add(new WorktreeStep(steps.size() + 1, version, file, digest, checkpoint,
                    inputs.checkpointDigests().get(checkpoint), chain));
        }
        return steps;
    }
}
