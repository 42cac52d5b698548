package io.matey.live;

import io.matey.migration.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The way on when the live schema differs from the committed state at the applied index and a pending migration's
 * down section is accepted as inexact (docs/architecture.md §7): {@code db down} refuses to run that section, but
 * {@code matey dbmate rollback} and dbmate run it, also as one of several steps back, and leave what it does not
 * undo, which no committed state holds. Telling those changes from others would take a replay of the round trip, so
 * the hint says what they may be and names the way that works whatever they are: finish the migrations up to it by
 * hand and let {@code db adopt} record them.
 */
final class InexactRollbackHint {

    private InexactRollbackHint() {
    }

    /** The hint when a migration after {@code index} is accepted as inexact; empty otherwise. */
    static Optional<String> after(LiveTarget target, int index) {
        List<Migration> migrations = target.migrations();
        List<Integer> accepted = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = index; i < migrations.size(); i++) {
            Optional<String> reason = target.config().inexactDowns().reason(migrations.get(i).file());
            if (reason.isPresent()) {
                accepted.add(i + 1);
                reasons.add(reason.get());
            }
        }
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        String adopt = LiveAdopt.command(target);
        int last = accepted.get(accepted.size() - 1);
        List<String> files = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            String file = migrations.get(accepted.get(i) - 1).file();
            files.add(accepted.size() == 1 ? file : file + " (" + reasons.get(i) + ")");
            found.add("index " + accepted.get(i) + " (" + target.expectedSource(accepted.get(i)) + ")");
        }
        String accepting = accepted.size() == 1
                ? files.get(0) + " left: its down section is accepted as inexact in [inexact_downs] ("
                        + reasons.get(0) + ")"
                : String.join(" or ", files) + " left: their down sections are accepted as inexact in [inexact_downs]";
        return Optional.of("They may be what rolling back " + accepting + ", which `" + target.command("db down")
                + "` refuses to run but `matey dbmate rollback` and dbmate run. Run by hand what of "
                + upSections(migrations.subList(index, last)) + " the database lacks, until `" + adopt + "` finds "
                + String.join(" or ", found) + (accepted.size() == 1 ? "" : ", whichever was rolled back last")
                + ", and record " + (last - index == 1 ? "it" : "them") + " with `" + adopt + " --apply`; or undo the "
                + "changes; " + rebuild(target));
    }

    /**
     * The last way out of an accepted inexact down: {@code db bootstrap} loads an empty database only, so it suits a
     * database whose rows may be lost.
     */
    static String rebuild(LiveTarget target) {
        return "or, if the database's data may be lost, drop the database and rebuild it with `"
                + target.command("db bootstrap") + "`";
    }

    private static String upSections(List<Migration> migrations) {
        if (migrations.size() == 1) {
            return "its up section";
        }
        List<String> files = new ArrayList<>();
        for (Migration migration : migrations) {
            files.add(migration.file());
        }
        return "the up sections of " + String.join(", ", files.subList(0, files.size() - 1)) + " and "
                + files.get(files.size() - 1);
    }
}
