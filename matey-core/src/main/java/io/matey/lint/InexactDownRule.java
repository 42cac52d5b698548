package io.matey.lint;

import io.matey.artifact.ArtifactNames;
import io.matey.artifact.LockStep;
import io.matey.lint.Finding.Level;
import io.matey.workspace.InexactDowns;
import io.matey.workspace.TargetPaths;
import java.util.List;
import java.util.Objects;

/**
 * L107 and L210: down sections accepted as inexact in config.toml's {@code [inexact_downs]}. Each acceptance is
 * shown as a note, never silently; a lock that records other acceptances than config.toml is stale, because
 * replay has not checked those round trips under the current list (docs/architecture.md §6).
 */
final class InexactDownRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        InexactDowns accepted = context.target().inexactDowns();
        String path = TargetPaths.option(context.target().name());
        accepted.sorted().forEach((file, reason) -> findings.addWithFix(Level.NOTE, "L107", file, null,
                "Down section accepted as inexact in config.toml [inexact_downs]: " + reason,
                "`matey schema plan" + path + "` shows its round-trip diff; once the down section is exact, remove the entry"));
        List<LockStep> locked = context.lockState().lock().map(l -> l.steps()).orElse(List.of());
        for (LockStep step : locked) {
            String configured = accepted.reason(step.migrationFile()).orElse(null);
            if (!Objects.equals(configured, step.downAccepted())) {
                findings.addWithFix(Level.ERROR, "L210", ArtifactNames.LOCK_FILE, null, "Lock records "
                        + (step.downAccepted() == null ? "no accepted inexact down" : "the accepted inexact down '"
                        + step.downAccepted() + "'") + " for " + step.migrationFile() + ", but config.toml "
                        + (configured == null ? "accepts none" : "accepts it: '" + configured + "'") + ".",
                        "run `matey schema apply" + path + "` to check the round trip again and rewrite the lock");
            }
        }
    }
}
