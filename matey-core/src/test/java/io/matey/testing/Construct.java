package io.matey.testing;

import java.util.List;

/**
 * One construct of an engine's corpus (issue 10) as a migration: a file name suffix and its up and down sections,
 * the down exact. Each engine's corpus lists them in an order where later ones may use earlier ones.
 */
public record Construct(String name, String up, String down) {

    /** Every up section, in order, as one script. */
    public static String allUp(List<Construct> constructs) {
        StringBuilder sql = new StringBuilder();
        constructs.forEach(construct -> sql.append(construct.up()).append('\n'));
        return sql.toString();
    }
}
