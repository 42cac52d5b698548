package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;

/**
 * An adoption refused although the schema equals a committed state, because a change of the rows is failing on the
 * server ({@link FailingMutations}): the way forward is to cancel it and set the table back, which
 * {@link #action()} says, not to change the schema until it equals a state (docs/architecture.md §7).
 */
public final class FailingMutationRefusal extends MateyException {

    FailingMutationRefusal(String message) {
        super(Reason.ADOPTION_REFUSED, message);
    }

    /** What to do, for a caller that words its own command (the starter's failure analysis). */
    public String action() {
        return "Its schema equals a committed state, but a change of its rows is failing on the server (named above), "
                + "so nothing was recorded: kill that change, set the table back to its committed definition, fix the "
                + "rows it could not convert (or the migration), and start again.";
    }
}
