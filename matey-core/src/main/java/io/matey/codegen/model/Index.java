package io.matey.codegen.model;

import java.util.List;
import java.util.Map;

/**
 * An index that is not the implementation of a primary key or unique constraint.
 *
 * @param parts    key parts in order: a column or an expression
 * @param where    the predicate of a partial index, or null
 * @param method   the access method when it is not the engine's default ({@code gin}, {@code FULLTEXT}), or null
 * @param prefixes MySQL prefix lengths by column
 */
public record Index(String name, boolean unique, List<Part> parts, String where, String method,
        Map<String, Integer> prefixes) {

    /** One key part: exactly one of column and expression is set. */
    public record Part(String column, String expression) {
        public static Part column(String name) {
            return new Part(name, null);
        }

        public static Part expression(String sql) {
            return new Part(null, sql);
        }
    }

    public boolean hasExpressions() {
        return parts.stream().anyMatch(p -> p.expression() != null);
    }

    public List<String> columnNames() {
        return parts.stream().map(Part::column).filter(java.util.Objects::nonNull).toList();
    }
}
