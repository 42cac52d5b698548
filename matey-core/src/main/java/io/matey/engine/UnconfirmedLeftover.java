package io.matey.engine;

import java.sql.SQLException;

/**
 * {@link Engine#leftoverOf} found what a failed statement may have left behind but cannot tell it from what another
 * session left (docs/architecture.md §7): the message names it and how to remove it, which the failure of the
 * statement and the refusals of the interrupted database pass on, as no command removes it on its own.
 */
public final class UnconfirmedLeftover extends SQLException {

    public UnconfirmedLeftover(String message) {
        super(message);
    }
}
