package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The check before {@code db up|migrate} run pending migrations over a database that records versions: a schema
 * changed outside migrations since the applied index would make them fail halfway (the hand-added column a pending
 * migration adds) or leave drift that the post-check reports after they are committed, so the command is refused
 * with the drift and nothing runs, as {@code db down} refuses it (docs/architecture.md §7).
 */
final class DriftBeforeUp {

    private DriftBeforeUp() {
    }

    /** @param pending the migrations after {@code index} that the command would run; not empty */
    static void refuse(LiveTarget target, Connection connection, int index, List<Migration> pending, String command)
            throws SQLException {
        String live = SchemaDump.dump(target.engine(), connection);
        String expected = target.expectedAt(index, connection);
        if (SchemaDump.sameSchema(live, expected)) {
            return;
        }
        throw new MateyException(Reason.DATABASE_DRIFTED, target.opening(command) + " refused: the live schema differs from the "
                + "committed state at index " + index + " (" + target.expectedSource(index) + "), and "
                + Postcheck.count(pending.size(), "pending migration") + " would run over changes made outside "
                + "migrations; nothing was applied. " + wayForward(target, connection, live, index, pending) + ":\n"
                + Postcheck.explained(target, Postcheck.diff(target.expectedSource(index), expected, live)));
    }

    /**
     * While a mutation of the rows fails on the server (ClickHouse), the changes are its statement's, whose rows were
     * never converted: adopting would record them, so the way forward is to cancel it and set the table back.
     * When the live schema already equals a later committed state, the changes are what the pending migrations up to
     * it do, and adopting records them; otherwise both ways out are named, since which one fits is the user's call.
     */
    private static String wayForward(LiveTarget target, Connection connection, String live, int index,
            List<Migration> pending) throws SQLException {
        String adopt = "`" + LiveAdopt.command(target) + " --apply`";
        Optional<String> failing = FailingMutations.advice(target, connection);
        if (failing.isPresent()) {
            return failing.get();
        }
        for (int later = target.head(); later > index; later--) {
            if (SchemaDump.sameSchema(live, target.expectedAt(later, connection))) {
                List<Migration> done = pending.subList(0, later - index);
                return "They are what " + done.stream().map(Migration::file).collect(Collectors.joining(", "))
                        + (done.size() == 1 ? " does" : " do") + ": the live schema equals the committed state at index "
                        + later + " (" + target.expectedSource(later) + "). Record " + (done.size() == 1 ? "it" : "them")
                        + " without running " + (done.size() == 1 ? "it" : "them") + " (" + adopt + "), or undo the "
                        + "changes and run again. `" + target.command("db drift") + "` shows them";
            }
        }
        Optional<String> inexactRollback = InexactRollbackHint.after(target, index);
        if (inexactRollback.isPresent()) {
            return inexactRollback.get() + ". `" + target.command("db drift") + "` shows the changes";
        }
        return "Undo them and run again; or, when they are what a pending migration does, record that migration "
                + "without running it (" + adopt + "; adopt checks that the schema equals its committed state, and "
                + "without `--apply` names the closest one). `" + target.command("db drift") + "` shows the changes";
    }
}
