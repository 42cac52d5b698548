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
 * @param include  PostgreSQL's non-key {@code INCLUDE} columns, in order
 * @param storage  PostgreSQL's storage parameters ({@code WITH (fillfactor = 70)}) as name and value text
 * @param nullsNotDistinct PostgreSQL's {@code NULLS NOT DISTINCT} on a unique index
 */
public record Index(String name, boolean unique, List<Part> parts, String where, String method,
        Map<String, Integer> prefixes, List<String> include, Map<String, String> storage, boolean nullsNotDistinct) {

    /** An index with neither INCLUDE columns nor storage parameters, whose null keys are distinct. */
    public Index(String name, boolean unique, List<Part> parts, String where, String method, Map<String, Integer> prefixes) {
        this(name, unique, parts, where, method, prefixes, List.of(), Map.of(), false);
    }

    /**
     * One key part: exactly one of column and expression is set.
     *
     * @param options what follows the column or expression in the engine's DDL ({@code COLLATE "C" text_pattern_ops},
     *                {@code gist_trgm_ops (siglen='32')}, {@code DESC NULLS LAST}), or null; engines other than
     *                PostgreSQL give only {@link #DESC}
     */
    public record Part(String column, String expression, String options) {

        /** A descending key part's options. */
        public static final String DESC = "DESC";

        public static Part column(String name) {
            return new Part(name, null, null);
        }

        public static Part expression(String sql) {
            return new Part(null, sql, null);
        }
    }

    public boolean hasExpressions() {
        return parts.stream().anyMatch(p -> p.expression() != null);
    }

    public List<String> columnNames() {
        return parts.stream().map(Part::column).filter(java.util.Objects::nonNull).toList();
    }
}
