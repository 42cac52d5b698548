package io.matey.replay;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.ArtifactNames;
import io.matey.artifact.LockFactory;
import io.matey.artifact.LockFileCodec;
import io.matey.artifact.Snapshot;
import io.matey.artifact.TargetLock;
import io.matey.codegen.ModelGenerator;
import io.matey.engine.ForeignWrites;
import io.matey.migration.Migration;
import io.matey.workspace.TargetConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * replay that changes nothing writes nothing. Generated models are rendered by apply only, as in Python matey.
 */
public final class SchemaReplay {

    private final Map<String, String> env;
    private final Consumer<String> progress;

    public SchemaReplay(Map<String, String> env, Consumer<String> progress) {
        this.env = env;
        this.progress = progress;
    }

    public SchemaPlanResult plan(TargetConfig target, ReplayOptions options) {
        try (TargetLock lock = TargetLock.acquire(target.dir())) {
            new ArtifactJournal(target.dir()).recover();
            Outcome outcome = replay(target, options, Optional.empty(), "schema plan");
            ReplayResult result = outcome.result();
            String worktreeSql = outcome.plan().head().schema()
                    .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            return new SchemaPlanResult(target.name(), outcome.plan().divergence(), outcome.plan().anchorIndex(),
                    outcome.plan().tail().size(), outcome.changes().isEmpty(), result.scratchUrl(),
                    result.downChecked(), result.downSkipped(), List.copyOf(outcome.changes().paths()), worktreeSql,
                    result.schemaSql());
        }
    }

    public SchemaApplyResult apply(TargetConfig target, ReplayOptions options) {
        try (TargetLock lock = TargetLock.acquire(target.dir())) {
            ArtifactJournal journal = new ArtifactJournal(target.dir());
            journal.recover();
            Outcome outcome = replay(target, options, ModelGenerator.forTarget(target), "schema apply");
            ArtifactChanges changes = outcome.changes();
            if (!changes.isEmpty()) {
                journal.commit(changes.writes(), changes.deletes());
            }
            ReplayResult result = outcome.result();
            return new SchemaApplyResult(target.name(), !changes.isEmpty(), List.copyOf(changes.paths()),
                    result.scratchUrl(), result.downChecked(), result.downSkipped());
        }
    }

    private record Outcome(ReplayPlan plan, ReplayResult result, ArtifactChanges changes) {
    }

    private Outcome replay(TargetConfig target, ReplayOptions options, Optional<ModelGenerator> codegen,
            String command) {
        ReplayPlan plan = ReplayPlanner.plan(target, options, command);
        ReplayEngine engine = ReplayEngine.resolve(target, options, plan.headState(), env);
        ForeignWrites.refuse(engine.engine(), plan.tail(), ForeignWrites.Sections.BOTH, command);
        ReplayResult result;
        try (ScratchDatabase scratch = ScratchDatabase.lease(engine.engine(), engine.scratchBase(), target,
                "replay", options.keepScratch(), plan.anchorSql())) {
            result = new ReplayRunner(engine.engine(), m -> Snapshot.checkpointPathFor(m.file()), progress, codegen)
                    .run(scratch, plan.anchorSql(), plan.tail());
        }
        Map<String, byte[]> desired = desiredFiles(engine.engine().id(), target, plan, result);
        ArtifactChanges changes = ArtifactChanges.between(target.dir(), desired);
        Set<String> stale = codegen.map(g -> g.staleFiles(target.dir(), result.generated().keySet())).orElse(Set.of());
        if (!stale.isEmpty()) {
            Set<String> deletes = new TreeSet<>(changes.deletes());
            deletes.addAll(stale);
            changes = new ArtifactChanges(changes.writes(), deletes);
        }
        return new Outcome(plan, result, changes);
    }

    private static Map<String, byte[]> desiredFiles(String engine, TargetConfig target, ReplayPlan plan,
            ReplayResult result) {
        Map<String, String> checkpoints = new LinkedHashMap<>(plan.prefixCheckpoints());
        checkpoints.putAll(result.checkpoints());
        List<LockFactory.StepSource> steps = new ArrayList<>();
        for (Migration migration : plan.migrations()) {
            String checkpoint = Snapshot.checkpointPathFor(migration.file());
            steps.add(new LockFactory.StepSource(migration.version(), migration.file(), migration.bytes(), checkpoint,
                    checkpoints.get(checkpoint)));
        }
        Map<String, byte[]> desired = new LinkedHashMap<>();
        desired.put(ArtifactNames.SCHEMA_FILE, utf8(result.schemaSql()));
        checkpoints.forEach((path, text) -> desired.put(path, utf8(text)));
        desired.put(ArtifactNames.LOCK_FILE, utf8(LockFileCodec.render(
                LockFactory.build(engine, target.name(), steps, result.schemaSql()))));
        desired.putAll(result.generated());
        return desired;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
