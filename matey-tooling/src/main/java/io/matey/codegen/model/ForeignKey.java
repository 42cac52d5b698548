package io.matey.codegen.model;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name      the constraint name, or null when the engine keeps none
 * @param refSchema the referenced table's schema, or null for the default schema
 * @param onUpdate  the referential action when it is not the engine's default, or null
 * @param onDelete  the referential action when it is not the engine's default, or null
 * @param deferrable whether the check may wait for the end of the transaction ({@code DEFERRABLE}, PostgreSQL)
 * @param initiallyDeferred whether it does unless a transaction says otherwise ({@code INITIALLY DEFERRED})
 */
public record ForeignKey(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns,
        String onUpdate, String onDelete, boolean deferrable, boolean initiallyDeferred) {

    /** A key checked at each statement, as every key is where the engine has no deferrable ones. */
    public ForeignKey(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns,
            String onUpdate, String onDelete) {
        this(name, columns, refSchema, refTable, refColumns, onUpdate, onDelete, false, false);
    }
}
