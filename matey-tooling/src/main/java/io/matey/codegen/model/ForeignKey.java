package io.matey.codegen.model;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name      the constraint name, or null when the engine keeps none
 * @param refSchema the referenced table's schema, or null for the default schema
 * @param onUpdate  the referential action when it is not the engine's default, or null
 * @param onDelete  the referential action when it is not the engine's default, or null
 */
public record ForeignKey(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns,
        String onUpdate, String onDelete) {
}
