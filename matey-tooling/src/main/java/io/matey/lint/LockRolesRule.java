package io.matey.lint;

import io.matey.artifact.ArtifactNames;
import io.matey.lint.Finding.Level;
import io.matey.replay.StaleRoles;

/**
 * L210: a lock that records other roles than the migrations create ({@link StaleRoles}) is stale, like one that
 * records other accepted inexact downs than config.toml: replays from it would load checkpoints naming roles the test
 * server is not given (docs/architecture.md §6).
 */
final class LockRolesRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        context.plugin().ifPresent(engine -> StaleRoles.of(context.lockState(), engine.serverRoles())
                .forEach(step -> findings.addWithFix(Level.ERROR, "L210", ArtifactNames.LOCK_FILE, null,
                        step.describe() + ".", StaleRoles.Step.fix(context.target().name()))));
    }
}
