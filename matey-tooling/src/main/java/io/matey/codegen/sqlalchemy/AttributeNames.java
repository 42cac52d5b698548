package io.matey.codegen.sqlalchemy;

import io.matey.codegen.UniqueNames;
import java.util.Set;

/**
 * The attribute names of one mapped class: its columns' and relationships'. SQLAlchemy's declarative classes take
 * any identifier but the base's own {@code metadata} and {@code registry}; a SQLModel class (pydantic) refuses a
 * field with a leading underscore and one that shadows a {@code SQLModel} member, so there a name Python would start
 * with {@code _} (a column {@code _legacy_id}, or {@code 2fa_enabled}) gets {@code col} in front
 * ({@code col_legacy_id}, {@code col_2fa_enabled}), and so does one in pydantic's protected {@code model_} namespace,
 * of which it warns ({@code col_model_number}), while a member's name (a column {@code json}) gets a trailing
 * {@code _}, as any name already taken does (docs/architecture.md §3, codegen dialect). In every class a name
 * starting with {@code __} gets {@code col} in front too: Python mangles {@code __secret} in a class body to
 * {@code _Users__secret}, which would become the column's name, and {@code __tablename__} or {@code __init__}
 * would replace the class's own.
 */
final class AttributeNames {

    private static final Set<String> DECLARATIVE_RESERVED = Set.of("metadata", "registry");

    /**
     * The public members of SQLModel 0.0.x (pydantic 2's {@code BaseModel} and its v1 aliases) outside pydantic's
     * {@code model_} namespace, which {@link #field} keeps every name out of.
     */
    private static final Set<String> SQLMODEL_RESERVED = Set.of("construct", "copy", "dict", "from_orm", "json",
            "metadata", "parse_file", "parse_obj", "parse_raw", "registry", "schema", "schema_json",
            "sqlmodel_update", "update_forward_refs", "validate");

    private final UniqueNames names;
    private final boolean sqlModel;

    AttributeNames(boolean sqlModel) {
        this.names = new UniqueNames(sqlModel ? SQLMODEL_RESERVED : DECLARATIVE_RESERVED);
        this.sqlModel = sqlModel;
    }

    /** The attribute a database name wants before names are claimed: its identifier, under the class's rule. */
    String wanted(String databaseName) {
        return field(Py.identifier(databaseName));
    }

    /** Claims {@code identifier} (under the class's rule), or it with {@code _} appended until free. */
    String claim(String identifier) {
        return names.claim(field(identifier));
    }

    private String field(String identifier) {
        if (identifier.startsWith(sqlModel ? "_" : "__")) {
            return "col" + identifier;
        }
        return sqlModel && identifier.startsWith("model_") ? "col_" + identifier : identifier;
    }
}
