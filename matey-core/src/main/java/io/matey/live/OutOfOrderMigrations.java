package io.matey.live;

import io.matey.migration.Migration;
import io.matey.migration.NewMigration;
import io.matey.workspace.GitCommands;
import io.matey.workspace.TargetPaths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Worktree migrations that sort before the last applied one but were never applied, while every applied version
 * is in the worktree: almost always a migration written on another branch and merged after this database was
 * migrated past its timestamp. The fix is to give each a later timestamp (the name {@code db new} would give it
 * now), so that it runs after what the database already has, and to replay the artifacts.
 */
final class OutOfOrderMigrations {

    private OutOfOrderMigrations() {
    }

    /**
     * @param target   the target's name: the replay names its {@code --path}
     * @param git      the renames, named for where matey runs
     * @param worktree the worktree migrations in order
     * @param applied  the applied versions, all of them in the worktree
     * @param index    the first worktree migration that is not applied (a later one is)
     */
    static LivePrefix prefix(String target, GitCommands git, List<Migration> worktree, Set<String> applied, int index, Clock clock) {
        int lastApplied = worktree.size() - 1;
        while (!applied.contains(worktree.get(lastApplied).version())) {
            lastApplied--;
        }
        List<Migration> skipped = worktree.subList(index, lastApplied).stream()
                .filter(m -> !applied.contains(m.version())).toList();
        List<String> renames = renames(git, skipped, worktree, clock);
        boolean one = skipped.size() == 1;
        String fix = "Give " + (one ? "it a later timestamp" : "them later timestamps") + ", then replay the artifacts: "
                + String.join(", ", renames) + ", then `matey schema apply" + TargetPaths.option(target) + "`";
        String problem = "migration" + (one ? " " : "s ") + String.join(", ", skipped.stream().map(Migration::file).toList())
                + (one ? " is" : " are") + " older than the last applied one (version "
                + worktree.get(lastApplied).version() + ") and not applied: " + (one ? "it was" : "they were")
                + " probably merged from another branch";
        return new LivePrefix(index, applied.size(), LivePrefix.Relation.OUT_OF_ORDER, problem, fix);
    }

    /** {@code git mv} ({@code mv} for a file git does not track) commands giving each migration the version {@code db new} would now, after every worktree file. */
    private static List<String> renames(GitCommands git, List<Migration> skipped, List<Migration> worktree, Clock clock) {
        Instant now = clock.instant();
        List<String> versions = new ArrayList<>(worktree.stream().map(Migration::version).toList());
        List<String> renames = new ArrayList<>();
        for (Migration migration : skipped) {
            // A version of another form sorting after every timestamp (9) leaves no later one: the current second.
            String next = NewMigration.nextVersion(versions, now).orElseGet(() -> NewMigration.version(now));
            versions.add(next);
            int slash = migration.file().lastIndexOf('/');
            String name = migration.file().substring(slash + 1 + migration.version().length());
            String renamed = migration.file().substring(0, slash + 1) + next + name;
            renames.add("`" + git.move(migration.file(), renamed) + "`");
        }
        return renames;
    }
}
