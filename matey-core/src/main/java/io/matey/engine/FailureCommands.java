package io.matey.engine;

/**
 * The commands a failed section's advice tells the user to run, spelled for the target and database it ran on
 * ({@code --path}, {@code --url}), so that they run as printed in a workspace of several targets too.
 *
 * @param resumeUp   the command that continues an interrupted up section ({@code matey db up --resume ...}); null
 *                   where no progress is recorded (dbmate's commands)
 * @param resumeDown the command that finishes an interrupted down section ({@code matey db down --resume ...}), so
 *                   that the rollback asked for is not undone by re-applying the migration; null likewise
 * @param apply  the command that replays the artifacts after a file is fixed ({@code matey schema apply ...}); null
 *               where there are no artifacts (dbmate's commands)
 * @param status the command that shows what a lost connection left on the database ({@code matey db status ...});
 *               null where there is no workspace (dbmate's commands)
 */
public record FailureCommands(String resumeUp, String resumeDown, String apply, String status) {

    /** For migrations run outside a workspace (dbmate's commands): the root target's spelling. */
    public static final FailureCommands ROOT = new FailureCommands("matey db up --resume", "matey db down --resume",
            "matey schema apply",
            "matey db status");

    /**
     * For dbmate's commands, which run without a workspace and record no progress: nothing to resume or replay,
     * fixing the file is all.
     */
    public static final FailureCommands WITHOUT_WORKSPACE = new FailureCommands(null, null, null, null);

    /** The command that continues an interrupted section running in {@code direction}. */
    String resume(String direction) {
        return direction.equals(MigrationRunner.DOWN) ? resumeDown : resumeUp;
    }

    /** What follows a fixed file: the replay of the artifacts, where there are any. */
    String afterFixingTheFile() {
        return apply == null ? "" : ", then `" + apply + "`";
    }
}
