package io.matey.replay;

import io.matey.artifact.LockState;
import io.matey.artifact.LockStep;
import io.matey.artifact.Snapshot;
import io.matey.artifact.StepKey;
import io.matey.artifact.WorktreeStep;
import io.matey.engine.ServerRoles;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.migration.Section;
import io.matey.workspace.TargetPaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The lock's steps whose roles ({@code roles = [...]}) differ from those their migrations create
 * (docs/architecture.md §6). The roles follow from a migration's bytes, which the lock's digests cover, so with the
 * digest unchanged they differ only in a lock written by a Matey that did not record them, or edited by hand: a
 * replay starts from the first such step ({@link ReplayPlanner}), and {@code lint} and {@code schema status} report
 * the lock stale.
 */
public final class StaleRoles {

    /**
     * What every text in which {@link ServerRoles#namedByDumps} finds a role holds: a step recording none whose
     * text lacks it spares parsing (a history's migrations may be tens of megabytes of data).
     */
    private static final Pattern MAY_CREATE = Pattern.compile("CREATE\\s+(?:ROLE|USER|GROUP)",
            Pattern.CASE_INSENSITIVE);

    private StaleRoles() {
    }

    /** A step whose lock records {@code locked} where its up section creates {@code created}. */
    public record Step(String migrationFile, List<String> locked, List<String> created) {

        /** What differs, naming the migration (the finding's path is the lock file). */
        public String describe() {
            return "Lock records " + names(locked) + " for " + migrationFile
                    + ", but its up section creates " + names(created) + " (a lock written by a Matey that did not "
                    + "record roles, or edited by hand); replays would load checkpoints naming roles the test server "
                    + "is not given";
        }

        /** The command that rewrites the lock of target {@code targetName}, as a hint. */
        public static String fix(String targetName) {
            return "run `matey schema apply" + TargetPaths.option(targetName) + "` to replay from that migration and "
                    + "rewrite the lock";
        }

        private static String names(List<String> roles) {
            return roles.isEmpty() ? "no roles" : "roles " + roles.stream().map(role -> "\"" + role + "\"")
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** True when {@code step} records other roles than {@code up}, its migration's up section, creates. */
    static boolean differ(LockStep step, Section up, ServerRoles roles) {
        return !step.roles().equals(roles.namedByDumps(up));
    }

    /**
     * The steps of {@code state}'s lock whose roles differ, among those whose migration is unchanged (an edited one
     * is reported as that) and readable.
     */
    public static List<Step> of(LockState state, ServerRoles roles) {
        Set<StepKey> unchanged = state.steps().stream().map(WorktreeStep::key).collect(Collectors.toSet());
        Map<String, byte[]> migrations = state.snapshot().migrations();
        List<Step> stale = new ArrayList<>();
        for (LockStep step : state.lock().map(lock -> lock.steps()).orElse(List.of())) {
            if (!unchanged.contains(step.key())) {
                continue;
            }
            byte[] bytes = migrations.get(step.migrationFile());
            if (step.roles().isEmpty() && !MAY_CREATE.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find()) {
                continue;
            }
            Section up;
            try {
                up = new Migration(step.migrationFile(), Snapshot.versionOf(step.migrationFile()), bytes).script().up();
            } catch (MateyException e) {
                continue; // not UTF-8: lint and schema apply name the file
            }
            List<String> created = roles.namedByDumps(up);
            if (!step.roles().equals(created)) {
                stale.add(new Step(step.migrationFile(), step.roles(), created));
            }
        }
        return stale;
    }
}
