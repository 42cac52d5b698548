package io.matey.codegen.model;

import java.util.List;

/**
 * A unique constraint; {@code name} is null when the engine keeps none.
 *
 * @param nullsNotDistinct PostgreSQL's {@code NULLS NOT DISTINCT}: rows whose key columns are all null conflict
 */
public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct) {

    /** A constraint under which null keys are distinct, as in standard SQL. */
    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, false);
    }
}
