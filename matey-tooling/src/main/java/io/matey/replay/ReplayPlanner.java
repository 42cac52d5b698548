package io.matey.replay;

import io.matey.artifact.CheckpointFile;
import io.matey.artifact.Diagnostic;
import io.matey.artifact.LockState;
import io.matey.artifact.LockStep;
import io.matey.artifact.Snapshot;
import io.matey.artifact.WorktreeStep;
import io.matey.engine.ServerRoles;
import io.matey.error.MateyException;
import io.matey.lint.RunnableMigrations;
import io.matey.migration.Migration;
import io.matey.migration.MigrationParser;
import io.matey.migration.Section;
import io.matey.workspace.TargetConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Finds the divergence, the anchor and the tail (docs/architecture.md §6): the first migration that differs from the lock
 * (or from the merge base with {@code --base}, or every migration with {@code --clean} or when a git merge left
 * conflict markers in the artifacts), also counting a
 * checkpoint that is missing or differs from the lock as a divergence so that apply regenerates it, and a
 * migration whose acceptance in {@code [inexact_downs]} differs from the lock's, so that its down round trip is
 * checked again, and one whose roles differ from the lock's (a lock written before it recorded them).
 */
public final class ReplayPlanner {

    private ReplayPlanner() {
    }

    /** Refuses, before anything runs, migrations {@code command} must not run ({@link RunnableMigrations}). */
    public static ReplayPlan plan(TargetConfig target, ReplayOptions options, String command) {
        if (options.clean() && options.baseRef() != null) {
            throw new MateyException("Cannot combine --clean with --base.");
        }
        Snapshot head = Snapshot.ofWorktree(target.dir(), target.name());
        RunnableMigrations.require(target, head, command);
        LockState headState = LockState.of(head);
        if (!headState.fatalDiagnostics().isEmpty()) {
            throw new MateyException("The artifacts of target '" + target.name() + "' cannot be replayed from. "
                    + headState.fatalAdvice().orElseThrow() + " Diagnostics:"
                    + Diagnostic.describe(headState.fatalDiagnostics()));
        }
        if (headState.foreignReason().isPresent() && !options.clean()) {
            throw new MateyException("Target '" + target.name() + "', refusing to replay from its artifacts: "
                    + headState.foreignReason().get());
        }
        List<Migration> migrations = migrations(head);
        ServerRoles roles = target.knownEngine().serverRoles();
        Snapshot anchorSource = head;
        LockState anchorState = headState;
        OptionalInt divergence;
        if (options.clean() || !headState.conflictedFiles().isEmpty() && options.baseRef() == null) {
            // Conflicted artifacts cannot be trusted as a prefix: they are regenerated from the merged migrations.
            divergence = migrations.isEmpty() ? OptionalInt.empty() : OptionalInt.of(1);
        } else if (options.baseRef() != null) {
            anchorSource = GitBaseSnapshot.read(target.dir(), target.name(), options.baseRef());
            LockState baseState = LockState.of(anchorSource);
            anchorState = baseState;
            if (!baseState.isClean()) {
                throw new MateyException("base snapshot (" + options.baseRef() + ") lock state is not clean. Diagnostics:"
                        + Diagnostic.describe(baseState.diagnostics()));
            }
            divergence = earliest(earliest(headState.divergenceFrom(baseState),
                    firstAcceptanceChange(baseState, target, migrations.size())),
                    firstRolesChange(baseState, roles, migrations));
        } else {
            divergence = earliest(earliest(headState.divergenceFromLock(), firstStaleCheckpoint(headState)),
                    earliest(firstAcceptanceChange(headState, target, migrations.size()),
                            firstRolesChange(headState, roles, migrations)));
        }
        int anchorIndex = divergence.isPresent() ? divergence.getAsInt() - 1 : migrations.size();
        Map<String, CheckpointFile> prefix = prefixCheckpoints(migrations.subList(0, anchorIndex), head, anchorSource);
        String anchorSql = null;
        if (anchorIndex > 0) {
            String path = Snapshot.checkpointPathFor(migrations.get(anchorIndex - 1).file());
            anchorSql = MigrationParser.decode(path, prefix.get(path).bytes());
        }
        List<Migration> tail = List.copyOf(migrations.subList(anchorIndex, migrations.size()));
        List<Migration> anchorRun = anchorRun(target, migrations.subList(0, anchorIndex), tail);
        return new ReplayPlan(head, headState, migrations, divergence, anchorIndex, anchorSql, tail, prefix, anchorRun,
                anchorRun.isEmpty() ? anchorState.lock().map(lock -> lock.rolesThrough(anchorIndex)).orElse(Map.of())
                        : Map.of());
    }

    /**
     * The prefix, when the tail depends on state its checkpoint's text cannot show (docs/architecture.md §6): the
     * tail then starts from the prefix's up sections run, as on a live database; else none.
     */
    private static List<Migration> anchorRun(TargetConfig target, List<Migration> prefix, List<Migration> tail) {
        List<Section> ups = new ArrayList<>();
        prefix.forEach(m -> ups.add(m.script().up()));
        List<Section> sections = new ArrayList<>();
        tail.forEach(m -> sections.addAll(List.of(m.script().up(), m.script().down())));
        return target.knownEngine().dumpHidesStateFor(ups, sections) ? List.copyOf(prefix) : List.of();
    }

    /**
     * The first locked step whose recorded roles differ from those its migration creates: a lock written before
     * Matey recorded them is replayed from there, so that no anchor names a role the lock does not list.
     */
    private static OptionalInt firstRolesChange(LockState state, ServerRoles roles, List<Migration> migrations) {
        List<LockStep> locked = state.lock().map(l -> l.steps()).orElse(List.of());
        for (int i = 0; i < Math.min(locked.size(), migrations.size()); i++) {
            if (StaleRoles.differ(locked.get(i), migrations.get(i).script().up(), roles)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    private static List<Migration> migrations(Snapshot head) {
        List<Migration> out = new ArrayList<>();
        head.migrations().forEach((file, bytes) -> {
            Migration migration = new Migration(file, Snapshot.versionOf(file), bytes)
                    .requireReadableIn(head.targetName());
            migration.script().requireValid();
            out.add(migration);
        });
        return out;
    }

    /** The first step whose worktree checkpoint is missing or differs from what the lock recorded. */
    private static OptionalInt firstStaleCheckpoint(LockState state) {
        List<LockStep> locked = state.lock().map(l -> l.steps()).orElse(List.of());
        List<WorktreeStep> steps = state.steps();
        for (int i = 0; i < Math.min(locked.size(), steps.size()); i++) {
            if (!Objects.equals(steps.get(i).checkpointDigest(), locked.get(i).checkpointDigest())) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /** The first locked step whose down section config.toml accepts as inexact and the lock does not, or the reverse. */
    private static OptionalInt firstAcceptanceChange(LockState state, TargetConfig target, int migrations) {
        List<LockStep> locked = state.lock().map(l -> l.steps()).orElse(List.of());
        for (LockStep step : locked) {
            if (step.index() <= migrations && (step.downAccepted() != null) != target.inexactDowns().accepts(step.migrationFile())) {
                return OptionalInt.of(step.index());
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt earliest(OptionalInt a, OptionalInt b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
    }

    /** Checkpoints kept unchanged: with --base the merge base's (the verified starting state), else the worktree's. */
    private static Map<String, CheckpointFile> prefixCheckpoints(List<Migration> prefix, Snapshot head, Snapshot base) {
        Map<String, CheckpointFile> out = new LinkedHashMap<>();
        for (Migration migration : prefix) {
            String path = Snapshot.checkpointPathFor(migration.file());
            CheckpointFile file = base.checkpoints().getOrDefault(path, head.checkpoints().get(path));
            if (file == null) {
                throw new MateyException("Missing anchor checkpoint '" + path + "' in "
                        + (head == base ? "head" : "base") + " snapshot. Re-run with --clean to rebuild it.");
            }
            out.put(path, file);
        }
        return out;
    }
}
