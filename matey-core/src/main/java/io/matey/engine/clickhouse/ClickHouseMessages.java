package io.matey.engine.clickhouse;

import java.util.regex.Pattern;

/**
 * The server's words in a ClickHouse driver message. The driver appends what only its own logs need: the query id
 * it generated ({@code (queryId= ...)}) and, in older versions, the node it talked to
 * ({@code , server ClickHouseNode [uri=..., options={...}]@123}), which can carry connection options.
 */
final class ClickHouseMessages {

    private static final Pattern QUERY_ID = Pattern.compile("\\s*\\(queryId=[^)]*\\)");
    private static final Pattern NODE = Pattern.compile(",?\\s*server ClickHouseNode\\s*\\[.*", Pattern.DOTALL);

    private ClickHouseMessages() {
    }

    static String clean(String message) {
        if (message == null) {
            return null;
        }
        String withoutNode = NODE.matcher(message).replaceFirst("");
        return QUERY_ID.matcher(withoutNode).replaceAll("").strip();
    }
}
