package io.matey.engine.clickhouse;

import java.util.regex.Pattern;

/**
 * The server's words in a ClickHouse driver message. The driver appends what only its own logs need: the query id
 * it generated ({@code (queryId= ...)}) and, in older versions, the node it talked to
 * ({@code , server ClickHouseNode [uri=..., options={...}]@123}), which can carry connection options. The server
 * itself appends its stack trace to some errors (a failed mutation: {@code 0. ? @ 0x000000000f03c72c 1. ...
 * 19. clone3 @ 0x...}, ~2 KB), between its words and the error name ({@code . (UNFINISHED)}).
 */
final class ClickHouseMessages {

    private static final Pattern QUERY_ID = Pattern.compile("\\s*\\(queryId=[^)]*\\)");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\s+0\\. [^@]*? @ 0x[0-9a-fA-F]+(?:.*@ 0x[0-9a-fA-F]+)?\\s*", Pattern.DOTALL);
    private static final Pattern NODE = Pattern.compile(",?\\s*server ClickHouseNode\\s*\\[.*", Pattern.DOTALL);

    private ClickHouseMessages() {
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
