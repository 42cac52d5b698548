package io.matey.dbmate;

import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a migration that {@code rollback} runs is accepted as inexact by the Matey target it belongs to (its
 * {@code config.toml} beside the migrations directory, docs/architecture.md §9): {@code db down} refuses to run such
 * a down section, since it leaves what it does not undo; dbmate's verb runs it as dbmate does, and warns.
 */
final class InexactRollbacks {

    private InexactRollbacks() {
    }

    /** The warning for {@code migration}; empty where no target's {@code [inexact_downs]} names it. */
    static Optional<String> warning(List<GivenPath> migrationsDirs, Migration migration) {
        for (GivenPath dir : migrationsDirs) {
            Path target = dir.path().getParent();
            if (target == null || !Files.isRegularFile(dir.path().resolve(migration.file()))
                    || !Files.isRegularFile(target.resolve(TargetConfig.CONFIG_FILE))) {
                continue;
            }
            Optional<String> reason;
            try {
                reason = TargetConfigReader.read(target.getFileName().toString(), target).inexactDowns()
                        .reason("migrations/" + migration.file());
            } catch (MateyException e) {
                continue; // no readable Matey target: a plain dbmate project
            }
            if (reason.isPresent()) {
                return Optional.of("Warning: the down section of " + migration.file() + " is accepted as inexact in "
                        + "[inexact_downs] (" + reason.get() + "): it leaves what it does not undo, which no committed "
                        + "state holds (`matey db down` refuses to run it). `matey db up` then refuses the database, "
                        + "naming the way on: finish the migration by hand and record it with `matey db adopt --apply`.");
            }
        }
        return Optional.empty();
    }
}
