package io.matey.replay;

import io.matey.engine.MateyUrl;
import io.matey.schema.SchemaDiff;
import java.util.List;
import java.util.OptionalInt;

/**
 * The outcome of {@code schema plan}: where replay started, what it checked, and whether the committed
 * artifacts equal what replay produced ({@code match} means {@code schema apply} would change nothing).
 *
 * @param match        false also when a down section failed ({@code --keep-going})
 * @param downAccepted every down section config.toml accepts as inexact, with the diff where this replay ran it
 * @param downFailures down sections that failed their round trip under {@code --keep-going}
 * @param worktreeSql the committed {@code schema.sql}, empty when missing
 * @param replaySql   what {@code schema.sql} would become
 * @param modelDiff   the unified diff of each generated model file the replay would rewrite (a hand edit too)
 */
public record SchemaPlanResult(String target, OptionalInt divergence, int anchorIndex, int tailCount, boolean match,
        MateyUrl scratchUrl, List<String> downChecked, List<String> downSkipped, List<AcceptedDown> downAccepted,
        List<DownFailure> downFailures, List<String> staleFiles,
        String worktreeSql, String replaySql, String modelDiff) {

    /**
     * The diff of {@code schema.sql}, then of the generated model files: of the files as {@code schema apply} would
     * rewrite them, so an edit of the migrations block shows too.
     */
    public String diff() {
        return SchemaDiff.text(worktreeSql, replaySql, "worktree/schema.sql", "replay/schema.sql") + modelDiff;
    }
}
