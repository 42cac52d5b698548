package io.matey.codegen.sqlalchemy;

import io.matey.codegen.model.Column;

/**
 * What the constructor of a generated dataclass or SQLModel class asks for a column, so that a row can be built
 * from the values the application must give alone ({@code Users(email='a@b')}).
 */
enum ConstructorField {

    /** Not null, and nothing in the database fills it in: the caller passes it. */
    REQUIRED,

    /**
     * Nullable, or filled in by the database when the insert leaves it out (a default, a sequence): {@code None}
     * by default, which SQLAlchemy leaves out of the insert.
     */
    OPTIONAL,

    /** Written by the database itself: an identity, serial, auto-increment or rowid key, or a generated column. */
    DATABASE;

    static ConstructorField of(Column column) {
        if (column.generated() != null || column.identity() != null || column.autoincrement()) {
            return DATABASE;
        }
        if (column.nullable() || column.serverDefault() != null || column.sequence() != null) {
            return OPTIONAL;
        }
        return REQUIRED;
    }

    /**
     * The column type to render when the field defaults to {@code None}: a JSON type by default writes Python's
     * {@code None} as the JSON value {@code null}, which would replace the column's default and is not SQL NULL;
     * {@code none_as_null=True} makes {@code None} mean "no value" as for every other type.
     */
    static String typeForNoneDefault(String typeExpression) {
        return typeExpression.equals("JSON") || typeExpression.equals("JSONB")
                ? typeExpression + "(none_as_null=True)" : typeExpression;
    }
}
