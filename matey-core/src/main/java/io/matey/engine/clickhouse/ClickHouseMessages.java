package io.matey.engine.clickhouse;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The server's words in a ClickHouse driver message. The driver appends what only its own logs need: the query id
 * it generated ({@code (queryId= ...)}, {@code (attempt: 4, duration: 139ms, queryId: ...)}) and, in older versions, the node it talked to
 * ({@code , server ClickHouseNode [uri=..., options={...}]@123}), which can carry connection options. The server
 * itself appends its stack trace to some errors (a failed mutation: {@code 0. ? @ 0x000000000f03c72c 1. ...
 * 19. clone3 @ 0x...}, ~2 KB), between its words and the error name ({@code . (UNFINISHED)}).
 */
final class ClickHouseMessages {

    private static final Pattern QUERY_ID = Pattern.compile("\\s*\\((?:attempt: \\d+, duration: \\d+ms, )?queryId[=:][^)]*\\)");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\s+0\\. [^@]*? @ 0x[0-9a-fA-F]+(?:.*@ 0x[0-9a-fA-F]+)?\\s*", Pattern.DOTALL);
    private static final Pattern NODE = Pattern.compile(",?\\s*server ClickHouseNode\\s*\\[.*", Pattern.DOTALL);

    /** The mutation a failure names: {@code Exception happened during execution of mutation 'mutation_8.txt' ...}. */
    private static final Pattern FAILED_MUTATION = Pattern.compile("during execution of mutation '([^']+)'");

    private ClickHouseMessages() {
    }

    /**
     * What the server's words leave out when a statement's mutation failed (the column type an {@code ALTER ...
     * MODIFY COLUMN} sets is in the table already, the rows do not convert): the mutation stays queued, retried,
     * and holds back every later mutation of the table, so it must be killed before the table can be repaired.
     */
    static String mutationHint(String message) {
        Matcher mutation = FAILED_MUTATION.matcher(message == null ? "" : message);
        return mutation.find() ? " The failed mutation stays queued on the server, which retries it, and holds back every"
                + " later mutation of the table: cancel it with `KILL MUTATION WHERE database = currentDatabase() AND"
                + " mutation_id = '" + mutation.group(1) + "'` (connected to this database) before you repair the table."
                : "";
    }

    /**
     * What a statement whose mutation failed left in effect ({@link io.matey.engine.Engine#inEffectDespite}): the
     * server applies an {@code ALTER}'s change of the table's definition at once and then queues the mutation that
     * rewrites the rows, so the statement is in effect in part; null for any other failure.
     */
    static String inEffectDespite(String message) {
        return FAILED_MUTATION.matcher(message == null ? "" : message).find() ? "ClickHouse applied its change of the table's definition (a column's new type is in the table"
                + " already) and queued the mutation that rewrites the rows, which failed and stays in system.mutations"
                + " (is_done = 0, latest_fail_reason says why). Kill the mutation (above), set the table back to its"
                + " committed definition (a type change: MODIFY COLUMN to the committed type, which rewrites no row),"
                + " fix the rows it could not convert (or the file), and run again; do not record the version with"
                + " `db adopt`: the rows were never converted." : null;
    }

    /**
     * A failure's message. When the server could not be reached, the driver's own words ({@code Query request
     * failed}) say nothing of why; the network exception under them does, naming the HTTP endpoint the URL maps to
     * ({@code Connect to http://127.0.0.1:8123 failed: Connection refused} for a URL's native port 9000). A read
     * that timed out ({@code Read timed out}) is said with what to do about it.
     */
    static String of(Throwable failure) {
        Throwable network = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof UnknownHostException
                    || cause instanceof InterruptedIOException || cause instanceof SSLException) {
                network = cause;
            }
        }
        if (network == null || network.getMessage() == null) {
            return clean(failure.getMessage());
        }
        if (network instanceof SocketTimeoutException) {
            return "the server accepted the request but sent no answer within the read timeout (URL parameter "
                    + ClickHouseConnector.SOCKET_TIMEOUT + ", in milliseconds; " + ClickHouseConnector.DEFAULT_SOCKET_TIMEOUT_MS
                    + " unless set): check that the server is up and not overloaded, or raise "
                    + ClickHouseConnector.SOCKET_TIMEOUT + " for statements that run longer";
        }
        return (network instanceof UnknownHostException ? "unknown host " : "") + network.getMessage();
    }

    /** Whether the driver gave up waiting for the server's answer ({@code socket_timeout}): the query may run on. */
    static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String clean(String message) {
        if (message == null) {
            return null;
        }
        String withoutNode = NODE.matcher(message).replaceFirst("");
        String withoutTrace = STACK_TRACE.matcher(withoutNode).replaceFirst("");
        return QUERY_ID.matcher(withoutTrace).replaceAll("").strip();
    }
}
