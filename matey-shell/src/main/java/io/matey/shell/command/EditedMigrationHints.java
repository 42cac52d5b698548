package io.matey.shell.command;

import io.matey.Matey;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.workspace.TargetConfig;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Adds to a changing command's failure on drift the git history's explanation, when it has one: an applied
 * migration edited afterwards ({@link EditedMigrations}; docs/architecture.md §7).
 */
final class EditedMigrationHints {

    private EditedMigrationHints() {
    }

    /**
     * Runs a changing command; when it fails on drift (its post-check, or the check before pending migrations run
     * or a rollback) and the history explains the drift, the failure says so too.
     */
    static <T> T explaining(Matey matey, TargetConfig target, String url, Supplier<T> command) {
        try {
            return command.get();
        } catch (MateyException e) {
            if (e.reason() != Reason.POSTCHECK_FAILED && e.reason() != Reason.DATABASE_DRIFTED) {
                throw e;
            }
            Optional<String> hint;
            try {
                hint = matey.explainEdits(target, matey.dbDrift(target, url));
            } catch (MateyException again) {
                e.addSuppressed(again);
                throw e;
            }
            throw hint.map(h -> new MateyException(e.reason(), e.getMessage() + "\n" + h, e)).orElse(e);
        }
    }
}
