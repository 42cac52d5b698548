package io.matey.lint;

import io.matey.artifact.ArtifactNames;
import io.matey.lint.Finding.Level;
import io.matey.replay.StaleAcceptances;
import io.matey.workspace.InexactDowns;
import io.matey.workspace.TargetPaths;

/**
 * L107 and L210: down sections accepted as inexact in config.toml's {@code [inexact_downs]}. Each acceptance is
 * shown as a note, never silently; a lock that records other acceptances than config.toml is stale
 * ({@link StaleAcceptances}).
 */
final class InexactDownRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        InexactDowns accepted = context.target().inexactDowns();
        String path = TargetPaths.option(context.target().name());
        accepted.sorted().forEach((file, reason) -> findings.addWithFix(Level.NOTE, "L107", file, null,
                "Down section accepted as inexact in config.toml [inexact_downs]: " + reason,
                "`matey schema plan" + path + "` shows its round-trip diff; once the down section is exact, remove the entry"));
        StaleAcceptances.of(context.lockState(), accepted).forEach(step -> findings.addWithFix(Level.ERROR, "L210",
                ArtifactNames.LOCK_FILE, null, step.describe() + ".", StaleAcceptances.Step.fix(context.target().name())));
    }
}
