package io.matey.replay;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.ArtifactNames;
import io.matey.artifact.Diagnostic;
import io.matey.artifact.LockFactory;
import io.matey.artifact.LockFileCodec;
import io.matey.artifact.SchemaLock;
import io.matey.artifact.Snapshot;
import io.matey.artifact.TargetLock;
import io.matey.codegen.ModelConflicts;
import io.matey.codegen.ModelGenerator;
import io.matey.codegen.StaleModels;
import io.matey.engine.Engine;
import io.matey.engine.ForeignWrites;
import io.matey.engine.LockNotices;
import io.matey.engine.LockWait;
import io.matey.engine.ServerProfile;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.migration.MigrationScript;
import io.matey.migration.Section;
import io.matey.workspace.TargetConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code schema plan} and {@code schema apply}: replay in a scratch database under the target lock, then
 * compare (plan) or write (apply) the artifacts. Nothing is written unless the whole replay succeeded, and a
 * replay that changes nothing writes nothing. Generated models are part of the artifacts: plan renders them too,
 * so a stale or hand-edited {@code models.py} is a mismatch.
 */
public final class SchemaReplay {

    private final Map<String, String> env;
    private final Consumer<String> progress;
    private final LockNotices notices;
    private final Duration lockTimeout;

    /**
     * @param locks where a wait for the target lock is told, and how long the test server's roles lock is waited
     *              for (docs/architecture.md §6)
     */
    public SchemaReplay(Map<String, String> env, Consumer<String> progress, LockWait locks) {
        this.env = env;
        this.progress = progress;
        this.notices = locks.notices();
        this.lockTimeout = locks.timeout();
    }

    public SchemaPlanResult plan(TargetConfig target, ReplayOptions options) {
        try (TargetLock lock = TargetLock.acquire(target.dir(), notices)) {
            new ArtifactJournal(target.dir(), notices).recover();
            Outcome outcome = replay(target, options, ModelGenerator.forTarget(target), "schema plan", null);
            ReplayResult result = outcome.result();
            String worktreeSql = outcome.plan().head().schema()
                    .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            return new SchemaPlanResult(target.name(), outcome.plan().divergence(), outcome.plan().anchorIndex(),
                    outcome.plan().tail().size(), outcome.changes().isEmpty() && result.downFailures().isEmpty(),
                    result.scratchUrl(), result.downChecked(), result.downSkipped(),
                    acceptedDowns(target, result), result.downFailures(), List.copyOf(outcome.changes().paths()),
                    worktreeSql, result.schemaSql(), ModelDiff.of(target.dir(), result.generated(), outcome.changes()));
        }
    }

    public SchemaApplyResult apply(TargetConfig target, ReplayOptions options) {
        try (TargetLock lock = TargetLock.acquire(target.dir(), notices)) {
            try (ArtifactJournal.Staging staging = new ArtifactJournal(target.dir(), notices).stage()) {
                Optional<ModelGenerator> codegen = ModelGenerator.forTarget(target);
                List<Diagnostic> modelConflicts = ModelConflicts.in(target);
                Outcome outcome = replay(target, options, codegen, "schema apply", staging);
                if (!outcome.result().downFailures().isEmpty()) {
                    throw new MateyException(DownChecks.report(outcome.result().downFailures()));
                }
                ArtifactChanges changes = outcome.changes();
                List<String> removedDirectories = changes.isEmpty() ? List.of()
                        : staging.commit(changes.writes(), changes.deletes());
                ReplayResult result = outcome.result();
                List<String> conflicted = new ArrayList<>(outcome.plan().headState().conflictedFiles());
                modelConflicts.forEach(d -> conflicted.add(d.path()));
                return new SchemaApplyResult(target.name(), !changes.isEmpty(), List.copyOf(changes.paths()),
                        result.scratchUrl(), result.downChecked(), result.downSkipped(), acceptedDowns(target, result),
                        codegen.map(ModelGenerator::destination),
                        changes.paths().stream().anyMatch(outcome.modelFiles()::contains), List.copyOf(conflicted),
                        changes.deletes().stream().filter(outcome.modelFiles()::contains).toList(), removedDirectories);
            }
        }
    }

    /**
     * Every down section config.toml accepts as inexact, so that a plan or apply shows them all, with the round
     * trip's diff for those this replay ran; an entry this replay found wrong is a failure instead, listed once.
     */
    private static List<AcceptedDown> acceptedDowns(TargetConfig target, ReplayResult result) {
        Map<String, AcceptedDown> replayed = new LinkedHashMap<>();
        result.downAccepted().forEach(a -> replayed.put(a.file(), a));
        Set<String> failed = new HashSet<>();
        result.downFailures().forEach(f -> failed.add(f.file()));
        List<AcceptedDown> all = new ArrayList<>();
        target.inexactDowns().sorted().forEach((file, reason) -> {
            if (!failed.contains(file)) {
                all.add(replayed.getOrDefault(file, new AcceptedDown(file, reason, "")));
            }
        });
        return all;
    }

    /** @param modelFiles the model files the replay generated and the stale ones it deletes */
    private record Outcome(ReplayPlan plan, ReplayResult result, ArtifactChanges changes, Set<String> modelFiles) {
    }

    /** @param staging where apply stages the checkpoints that changed; null for a plan */
    private Outcome replay(TargetConfig target, ReplayOptions options, Optional<ModelGenerator> codegen,
            String command, ArtifactJournal.Staging staging) {
        ReplayPlan plan = ReplayPlanner.plan(target, options, command);
        ReplayEngine engine = ReplayEngine.resolve(target, options, plan.headState(), env);
        ForeignWrites.refuse(engine.engine(), plan.tail(), ForeignWrites.Sections.BOTH, command);
        ReplayResult result;
        String runs = sections(plan.anchorRun(), plan.tail());
        // An anchor built by running the prefix is no checkpoint to clone, and the prefix creates its own roles.
        String loaded = plan.anchorRun().isEmpty() ? plan.anchorSql() : null;
        boolean checkLoad = engine.engine().checksDumpLoads() && !plan.tail().isEmpty();
        CheckpointSink sink = new CheckpointSink(plan.head(), staging, checkLoad);
        try (sink; ScratchDatabase scratch = ScratchDatabase.lease(engine.engine(), engine.scratchBase(), target,
                "replay", options.keepScratch(), loaded, runs, plan.anchorRoles(), lockTimeout)) {
            result = new ReplayRunner(engine.engine(), (migration, text) -> sink.accept(
                    Snapshot.checkpointPathFor(migration.file()), text), progress, codegen)
                    .run(scratch, () -> ScratchDatabase.lease(engine.engine(), engine.scratchBase(), target, "replay",
                            options.keepScratch(), null, runs, Map.of(), lockTimeout), loaded, plan.anchorRun(),
                            plan.tail(), new DownChecks(target.inexactDowns(), options.keepGoing()));
            if (checkLoad) {
                long started = System.nanoTime();
                new LoadCheck(engine.engine(), () -> ScratchDatabase.lease(engine.engine(), engine.scratchBase(),
                        target, "load", false, null, runs, Map.of(), lockTimeout))
                        .require(result.schemaSql(), plan.tail(), sink::text, !plan.anchorRun().isEmpty(), command);
                progress.accept(String.format("schema.sql  loads into an empty database  %d ms",
                        (System.nanoTime() - started) / 1_000_000));
            }
        }
        Set<String> kept = new HashSet<>(sink.digests().keySet());
        kept.removeAll(sink.changed());
        Map<String, byte[]> desired = desiredFiles(engine.engine(), target, plan, result, sink.digests(), kept,
                options.clean());
        ArtifactChanges changes = ArtifactChanges.between(target.dir(), desired, sink.changed(), kept);
        Set<String> stale = StaleModels.after(target.dir(), result.generated().keySet());
        if (!stale.isEmpty()) {
            Set<String> deletes = new TreeSet<>(changes.deletes());
            deletes.addAll(stale);
            changes = new ArtifactChanges(changes.writes(), changes.staged(), deletes);
        }
        Set<String> modelFiles = new HashSet<>(result.generated().keySet());
        modelFiles.addAll(stale);
        return new Outcome(plan, result, changes, modelFiles);
    }

    /**
     * The up sections of {@code anchorRun} and the up and down sections of {@code tail} that a replay runs and that may create roles or change grants: what names
     * the roles it may create. The others are left out, since a data migration may be tens of megabytes.
     */
    private static String sections(List<Migration> anchorRun, List<Migration> tail) {
        StringBuilder sql = new StringBuilder();
        anchorRun.forEach(m -> {
            if (ScratchServer.mayChangeRoles(m.script().up().sql())) {
                sql.append(m.script().up().sql()).append('\n');
            }
        });
        for (Migration migration : tail) {
            MigrationScript script = migration.script();
            for (Section section : List.of(script.up(), script.down())) {
                if (ScratchServer.mayChangeRoles(section.sql())) {
                    sql.append(section.sql()).append('\n');
                }
            }
        }
        return sql.toString();
    }

    /**
     * The artifacts other than the tail's checkpoints (which the sink took), by content. {@code kept} receives the
     * worktree checkpoints of the prefix, which are already what they must be and are not read again.
     */
    private static Map<String, byte[]> desiredFiles(Engine engine, TargetConfig target, ReplayPlan plan,
            ReplayResult result, Map<String, String> tailDigests, Set<String> kept, boolean clean) {
        Map<String, byte[]> desired = new LinkedHashMap<>();
        desired.put(ArtifactNames.SCHEMA_FILE, utf8(result.schemaSql()));
        Map<String, String> digests = new HashMap<>(tailDigests);
        plan.prefixCheckpoints().forEach((path, file) -> {
            digests.put(path, file.digest().orElseThrow(() -> new MateyException(
                    "Checkpoint '" + path + "' is not valid UTF-8. Re-run with --clean to rebuild it.")));
            if (file == plan.head().checkpoints().get(path)) {
                kept.add(path);
            } else {
                desired.put(path, file.bytes());
            }
        });
        List<LockFactory.StepSource> steps = new ArrayList<>();
        for (Migration migration : plan.migrations()) {
            String checkpoint = Snapshot.checkpointPathFor(migration.file());
            steps.add(new LockFactory.StepSource(migration.version(), migration.file(), migration.bytes(), checkpoint,
                    digests.get(checkpoint), target.inexactDowns().reason(migration.file()).orElse(null),
                    engine.serverRoles().namedByDumps(migration.script().up())));
        }
        desired.put(ArtifactNames.LOCK_FILE, lock(plan, LockFactory.build(engine.id(), target.name(), steps,
                result.schemaSql()), result.server(), clean));
        desired.putAll(result.generated());
        return desired;
    }

    /**
     * The lock to write, recording {@code server} as its replay's ({@code replay_*} keys, docs/architecture.md §4)
     * where the lock changes anyway, or {@code --clean} asks for a full replay on this server. A lock whose records
     * are otherwise unchanged keeps the keys it has, none included: dumps are the same on every server of matching
     * defaults, so a replay elsewhere is no change for {@code schema plan} to report, and an earlier Matey's lock stays
     * as it is until a migration changes it.
     */
    private static byte[] lock(ReplayPlan plan, SchemaLock built, ServerProfile server, boolean clean) {
        Optional<byte[]> current = plan.head().lockFile();
        if (!clean && current.isPresent()) {
            byte[] unchanged = utf8(LockFileCodec.render(built.withReplayServer(
                    plan.headState().lock().map(SchemaLock::replayServer).orElse(null))));
            if (Arrays.equals(unchanged, current.get())) {
                return unchanged;
            }
        }
        return utf8(LockFileCodec.render(built.withReplayServer(server)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
