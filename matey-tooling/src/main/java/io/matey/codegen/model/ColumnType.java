package io.matey.codegen.model;

import java.util.List;

/**
 * A column type in its engine's vocabulary, decoded from the catalog: the base name and its parameters.
 *
 * @param name      lower-case base name as the engine calls it ({@code int4}, {@code varchar}, {@code timestamptz}
 *                  for PostgreSQL; {@code int}, {@code decimal}, {@code enum} for MySQL; the declared name for SQLite)
 * @param declared  the full type as the database shows it, for documentation ({@code character varying(40)})
 * @param length    character, binary or bit length, or null
 * @param precision numeric precision, or fractional-second precision of time types, or null
 * @param scale     numeric scale, or null
 * @param unsigned  MySQL {@code UNSIGNED}
 * @param labels    enum or set labels in declaration order, empty otherwise
 * @param typeName  the name of a PostgreSQL enum type, or null
 * @param typeSchema the schema of that enum type when it is not the default schema, or null
 * @param element   the element type of an array, or null
 * @param collation a text column's collation where it is not the database's (MySQL) or its type's (PostgreSQL)
 *                  default, or null; PostgreSQL's as its {@code COLLATE} names it, each part double-quoted
 *                  ({@code "app"."german_ci"}, {@code "C"}), the schema left out where it is the default one or
 *                  {@code pg_catalog}
 */
public record ColumnType(String name, String declared, Integer length, Integer precision, Integer scale,
        boolean unsigned, List<String> labels, String typeName, String typeSchema, ColumnType element,
        String collation) {

    public ColumnType {
        labels = List.copyOf(labels);
    }

    /** A type in the database's default collation. */
    public ColumnType(String name, String declared, Integer length, Integer precision, Integer scale,
            boolean unsigned, List<String> labels, String typeName, String typeSchema, ColumnType element) {
        this(name, declared, length, precision, scale, unsigned, labels, typeName, typeSchema, element, null);
    }

    /** A type without parameters. */
    public static ColumnType of(String name, String declared) {
        return new ColumnType(name, declared, null, null, null, false, List.of(), null, null, null);
    }

    /** This type in another collation: an array's is its elements' (PostgreSQL). */
    public ColumnType withCollation(String collation) {
        return isArray() ? new ColumnType(name, declared, length, precision, scale, unsigned, labels, typeName, typeSchema,
                element.withCollation(collation), null)
                : new ColumnType(name, declared, length, precision, scale, unsigned, labels, typeName, typeSchema, element,
                        collation);
    }

    public boolean isArray() {
        return element != null;
    }
}
