package io.matey.codegen.model;

import java.util.List;

/**
 * A PostgreSQL {@code EXCLUDE} constraint: no two rows whose elements all compare true under their operators.
 *
 * @param method   the index access method ({@code gist})
 * @param elements key parts in order, each with its operator
 * @param where    the predicate of a partial constraint, or null
 */
public record Exclusion(String name, String method, List<Element> elements, String where) {

    /** A key part (with its options, as an index's) and the operator it is compared with ({@code &&}). */
    public record Element(Index.Part part, String operator) {
    }
}
