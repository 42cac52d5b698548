package io.matey.replay;

import io.matey.MateyException;
import io.matey.artifact.Diagnostic;
import io.matey.artifact.LockState;
import io.matey.artifact.LockStep;
import io.matey.artifact.Snapshot;
import io.matey.lint.RunnableMigrations;
import io.matey.artifact.WorktreeStep;
import io.matey.migration.Migration;
import io.matey.migration.MigrationParser;
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
 * (or from the merge base with {@code --base}, or every migration with {@code --clean}), also counting a
 * checkpoint that is missing or differs from the lock as a divergence so that apply regenerates it.
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
            throw new MateyException("head worktree lock state is invalid: "
                    + Diagnostic.describe(headState.fatalDiagnostics())
                    + ". Fix schema.lock.toml or delete it and re-run with --clean.");
        }
        List<Migration> migrations = migrations(head);
        Snapshot anchorSource = head;
        OptionalInt divergence;
        if (options.clean()) {
            divergence = migrations.isEmpty() ? OptionalInt.empty() : OptionalInt.of(1);
        } else if (options.baseRef() != null) {
            anchorSource = GitBaseSnapshot.read(target.dir(), target.name(), options.baseRef());
            LockState baseState = LockState.of(anchorSource);
            if (!baseState.isClean()) {
                throw new MateyException("base snapshot (" + options.baseRef() + ") lock state is not clean: "
                        + Diagnostic.describe(baseState.diagnostics()));
            }
            divergence = headState.divergenceFrom(baseState);
        } else {
            divergence = earliest(headState.divergenceFromLock(), firstStaleCheckpoint(headState));
        }
        int anchorIndex = divergence.isPresent() ? divergence.getAsInt() - 1 : migrations.size();
        Map<String, String> prefix = prefixCheckpoints(migrations.subList(0, anchorIndex), head, anchorSource);
        String anchorSql = anchorIndex == 0 ? null
                : prefix.get(Snapshot.checkpointPathFor(migrations.get(anchorIndex - 1).file()));
        return new ReplayPlan(head, headState, migrations, divergence, anchorIndex, anchorSql,
                List.copyOf(migrations.subList(anchorIndex, migrations.size())), prefix);
    }

    private static List<Migration> migrations(Snapshot head) {
        List<Migration> out = new ArrayList<>();
        head.migrations().forEach((file, bytes) -> {
            Migration migration = new Migration(file, Snapshot.versionOf(file), bytes);
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

    private static OptionalInt earliest(OptionalInt a, OptionalInt b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
    }

    /** Checkpoints kept unchanged: with --base the merge base's (the verified starting state), else the worktree's. */
    private static Map<String, String> prefixCheckpoints(List<Migration> prefix, Snapshot head, Snapshot base) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Migration migration : prefix) {
            String path = Snapshot.checkpointPathFor(migration.file());
            byte[] bytes = base.checkpoints().getOrDefault(path, head.checkpoints().get(path));
            if (bytes == null) {
                throw new MateyException("Missing anchor checkpoint '" + path + "' in "
                        + (head == base ? "head" : "base") + " snapshot. Re-run with --clean to rebuild it.");
            }
            out.put(path, MigrationParser.decode(path, bytes));
        }
        return out;
    }
}
