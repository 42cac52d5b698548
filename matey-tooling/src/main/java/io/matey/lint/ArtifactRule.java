package io.matey.lint;

import io.matey.artifact.ArtifactNames;
import io.matey.artifact.Diagnostic;
import io.matey.artifact.DiagnosticCode;
import io.matey.artifact.SchemaLock;
import io.matey.artifact.Snapshot;
import io.matey.codegen.ModelConflicts;
import io.matey.engine.Engines;
import io.matey.lint.Finding.Level;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetPaths;
import java.util.Optional;

/**
 * L200-L211: the target's engine and generated artifacts, from the lock state {@code schema status} reports.
 * Their fix is always to correct the input and let {@code matey schema apply} rewrite the artifacts.
 */
final class ArtifactRule implements LintRule {


    @Override
    public void check(LintContext context, Findings findings) {
        checkEngine(context, findings);
        String apply = "`matey schema apply" + TargetPaths.option(context.target().name()) + "`";
        for (Diagnostic diagnostic : context.lockState().diagnostics()) {
            report(diagnostic, findings, apply);
        }
        ModelConflicts.in(context.target()).forEach(diagnostic -> report(diagnostic, findings, apply));
        Snapshot snapshot = context.snapshot();
        if (snapshot.lockFile().isEmpty()) {
            if (!snapshot.checkpoints().isEmpty()) {
                findings.addWithFix(Level.WARNING, "L205", ArtifactNames.CHECKPOINTS_DIR, null,
                        "Target has checkpoint files but no initialized lock state.", rewrite(apply));
            }
            if (snapshot.schema().isPresent()) {
                findings.addWithFix(Level.ERROR, "L206", ArtifactNames.SCHEMA_FILE, null,
                        "Target has schema.sql but no schema.lock.toml.", rewrite(apply));
            }
        }
    }

    private static void checkEngine(LintContext context, Findings findings) {
        Optional<SchemaLock> lock = context.lockState().lock();
        String provided = context.provided();
        if (lock.isPresent() && !Engines.normalizeId(lock.get().engine()).equals(provided)) {
            String locked = Engines.normalizeId(lock.get().engine());
            String configured = Engines.normalizeId(context.target().engine());
            boolean byOption = !provided.equals(configured); // --engine, not config.toml, disagrees
            findings.addWithFix(Level.ERROR, "L209", byOption ? ArtifactNames.LOCK_FILE : TargetConfig.CONFIG_FILE,
                    null, "Provided engine '" + provided + "' does not match lock engine '" + lock.get().engine() + "'.",
                    byOption ? engineOptionFix(locked, configured)
                            : "set engine in config.toml to the lock's engine, or re-create the target for the new engine");
        }
        if (context.dialect().isEmpty()) {
            String source = lock.isPresent() ? ArtifactNames.LOCK_FILE : TargetConfig.CONFIG_FILE;
            findings.addWithFix(Level.ERROR, "L200", source, null, "Target engine '" + context.engine()
                    + "' is unknown, so its SQL was not checked.",
                    "set engine in config.toml to one of " + String.join(", ", Engines.ids()));
        }
    }

    /** The fix when {@code --engine} is what disagrees with the lock, config.toml's engine being {@code configured}. */
    private static String engineOptionFix(String locked, String configured) {
        return configured.equals(locked) ? "leave out --engine: config.toml's engine, '" + configured
                + "', is the lock's" : "pass --engine " + locked + ", the lock's engine, and set engine in config.toml "
                + "to it, or re-create the target for the new engine";
    }

    /** @param apply the target's {@code matey schema apply} command, quoted */
    private static String rewrite(String apply) {
        return "run " + apply + " to rewrite the artifacts";
    }

    private static void report(Diagnostic diagnostic, Findings findings, String apply) {
        DiagnosticCode code = diagnostic.code();
        String path = diagnostic.path();
        if (code == DiagnosticCode.INPUT_CONFLICT_MARKERS) {
            findings.addWithFix(Level.ERROR, "L211", path, null, diagnostic.detail(), "generated artifacts are "
                    + "regenerated, not merged by hand: run " + apply + ", which replays the merged migrations "
                    + "and rewrites them; then `git add` them");
        } else if (code == DiagnosticCode.INPUT_ORPHAN_CHECKPOINT) {
            findings.addWithFix(Level.WARNING, "L202", path, null,
                    "Checkpoint does not map to any migration in this input.", rewrite(apply) + " (it prunes the file)");
        } else if (code == DiagnosticCode.INPUT_SCHEMA_MISSING) {
            findings.addWithFix(Level.ERROR, "L203", path, null, "schema.sql is missing from input.", rewrite(apply));
        } else if (code == DiagnosticCode.INPUT_LOCK_MISSING) {
            findings.addWithFix(Level.ERROR, "L208", path, null,
                    "Target has migrations but no initialized lock state.", rewrite(apply));
        } else if (code == DiagnosticCode.COHERENCE_MIGRATION_DIGEST_MISMATCH) {
            findings.addWithFix(Level.ERROR, "L204", path, null, diagnostic.detail(), "if a database has applied "
                    + "this migration, restore it and make the change in a new migration; otherwise " + rewrite(apply));
        } else if (code.id().startsWith("coherence-")) {
            findings.addWithFix(Level.ERROR, "L204", path, null, diagnostic.detail(), rewrite(apply));
        } else {
            // lockfile-* and input-path-*: the lock or an input cannot be read as an artifact at all.
            findings.addWithFix(Level.ERROR, "L201", path, null, diagnostic.detail(),
                    "fix or delete the file, then " + rewrite(apply));
        }
    }
}
