package io.matey.live;

import io.matey.migration.Migration;
import java.util.Optional;

/**
 * The way on when the live schema differs from the committed state at the applied index and the next migration's
 * down section is accepted as inexact (docs/architecture.md §7): {@code db down} refuses to run that section, but
 * {@code matey dbmate rollback} and dbmate run it and leave what it does not undo, which no committed state holds.
 * Telling those changes from others would take a replay of the round trip, so the hint says what they may be and
 * names the way that works whatever they are: finish the migration by hand and let {@code db adopt} record it.
 */
final class InexactRollbackHint {

    private InexactRollbackHint() {
    }

    /** The hint when the migration after {@code index} is accepted as inexact; empty otherwise. */
    static Optional<String> after(LiveTarget target, int index) {
        if (index >= target.migrations().size()) {
            return Optional.empty();
        }
        Migration next = target.migrations().get(index);
        String adopt = LiveAdopt.command(target);
        return target.config().inexactDowns().reason(next.file()).map(reason -> "They may be what rolling back "
                + next.file() + " left: its down section is accepted as inexact in [inexact_downs] (" + reason
                + "), which `" + target.command("db down") + "` refuses to run but `matey dbmate rollback` and dbmate "
                + "run. Run by hand what of its up section the database lacks, until `" + adopt + "` finds index "
                + (index + 1) + " (" + target.expectedSource(index + 1) + "), and record it with `" + adopt
                + " --apply`; or undo the changes, or rebuild the database with `" + target.command("db bootstrap")
                + "`");
    }
}
