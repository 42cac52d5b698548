package io.matey.engine;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Tells a server that could not be reached (refused or timed-out connection, unknown host) from other failures, as
 * {@link LoginRefusal} tells a refused login: the replay's test server then names the one step that failed.
 */
public final class ServerUnreachable {

    private ServerUnreachable() {
    }

    /** Whether a network failure caused {@code e}: every driver keeps the socket's exception as a cause. */
    public static boolean is(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
