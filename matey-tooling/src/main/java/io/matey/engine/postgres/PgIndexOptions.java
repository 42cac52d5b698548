package io.matey.engine.postgres;

import io.matey.codegen.reader.SqlTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of each key part of an index for codegen (docs/architecture.md §3): what PostgreSQL writes after a
 * key column or expression ({@code COLLATE "C"}, an operator class with its parameters, {@code DESC NULLS LAST}).
 * {@code pg_get_indexdef(index, k, true)} prints key part k alone, without those, and the whole definition
 * ({@code k = 0}) prints it with them, in the same deparsing; the options are the difference.
 */
final class PgIndexOptions {

    private PgIndexOptions() {
    }

    /**
     * Each key part's options, or null where it has none.
     *
     * @param definition {@code pg_get_indexdef(index, 0, true)}
     * @param keyParts   {@code pg_get_indexdef(index, k, true)} for each key part k
     */
    static List<String> of(String definition, List<String> keyParts) {
        List<SqlTokens.Token> tokens = SqlTokens.tokenize(definition);
        // The first USING is the access method's: names that spell it are quoted (it is a reserved word).
        int using = 0;
        while (!tokens.get(using).is("USING")) {
            using++;
        }
        int open = SqlTokens.nextOpen(tokens, using);
        List<List<SqlTokens.Token>> parts = SqlTokens.splitList(tokens, open, SqlTokens.closing(tokens, open));
        List<String> options = new ArrayList<>();
        for (int k = 0; k < keyParts.size(); k++) {
            List<SqlTokens.Token> part = parts.get(k);
            String text = definition.substring(part.get(0).start(), part.get(part.size() - 1).end());
            if (!text.startsWith(keyParts.get(k))) {
                throw new IllegalStateException("index key part " + (k + 1) + " of '" + definition
                        + "' does not start with its definition '" + keyParts.get(k) + "'");
            }
            String rest = text.substring(keyParts.get(k).length()).strip();
            options.add(rest.isEmpty() ? null : rest);
        }
        return options;
    }
}
