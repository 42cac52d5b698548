package io.matey.replay;

import io.matey.artifact.LockState;
import io.matey.artifact.LockStep;
import io.matey.workspace.InexactDowns;
import io.matey.workspace.TargetPaths;
import java.util.List;
import java.util.Objects;

/**
 * The lock's steps whose accepted inexact down ({@code down_accepted}) differs from config.toml's
 * {@code [inexact_downs]}: config.toml is no input the lock's digests cover, so only this comparison tells that the
 * replay that wrote the lock did not check those round trips under the current list (docs/architecture.md §6).
 * {@code lint} (L210) and {@code schema status} report such a lock stale, and {@code schema apply} rewrites it
 * ({@link ReplayPlanner} replays from the first step whose acceptance came or went, to check its round trip).
 */
public final class StaleAcceptances {

    private StaleAcceptances() {
    }

    /** A step whose lock records {@code locked} where config.toml gives {@code configured} (each null for none). */
    public record Step(String migrationFile, String locked, String configured) {

        /** The lock's {@code step} and what {@code accepted} says of its migration. */
        public static Step of(LockStep step, InexactDowns accepted) {
            return new Step(step.migrationFile(), step.downAccepted(), accepted.reason(step.migrationFile()).orElse(null));
        }

        /** True when the lock and config.toml differ: acceptance, or its reason. */
        public boolean stale() {
            return !Objects.equals(locked, configured);
        }

        /** What differs, naming the migration (the finding's path is the lock file). */
        public String describe() {
            return "Lock records " + (locked == null ? "no accepted inexact down" : "the accepted inexact down '"
                    + locked + "'") + " for " + migrationFile + ", but config.toml "
                    + (configured == null ? "accepts none" : "accepts it: '" + configured + "'");
        }

        /** The command that checks the round trip again, for target {@code targetName}, as a hint. */
        public static String fix(String targetName) {
            return "run `matey schema apply" + TargetPaths.option(targetName) + "` to check the round trip again and "
                    + "rewrite the lock";
        }
    }

    /** The steps of {@code state}'s lock whose acceptance, or its reason, differs from {@code accepted}'s. */
    public static List<Step> of(LockState state, InexactDowns accepted) {
        return state.lock().map(lock -> lock.steps()).orElse(List.of()).stream()
                .map(step -> Step.of(step, accepted)).filter(Step::stale).toList();
    }
}
