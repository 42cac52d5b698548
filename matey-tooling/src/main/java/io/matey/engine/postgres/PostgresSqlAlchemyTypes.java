package io.matey.engine.postgres;

import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.call;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.join;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.length;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.sized;

import io.matey.codegen.model.ColumnType;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes.PyType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's half of the SQLAlchemy type map (docs/architecture.md §3), by the catalog's type names; a type
 * without a SQLAlchemy class (an extension's, a domain's base aside) becomes {@code NativeType}.
 */
final class PostgresSqlAlchemyTypes {

    private PostgresSqlAlchemyTypes() {
    }

    static PyType map(ColumnType t, SqlAlchemyTypes types) {
        if (t.isArray()) {
            // typed by its element, as the Java records' List<element>
            PyType element = map(t.element(), types);
            return call(types.sa("ARRAY", "list[" + element.annotation() + "]"), element.expression());
        }
        return switch (t.name()) {
            case "enum" -> types.enumType(t, enumKeywords(t));
            case "int2" -> types.sa("SmallInteger", "int");
            case "int4" -> types.sa("Integer", "int");
            case "int8" -> types.sa("BigInteger", "int");
            case "numeric" -> types.numeric(t);
            case "float4" -> types.sa("REAL", "float");
            case "float8" -> types.dialect("DOUBLE_PRECISION", "float");
            case "bool" -> types.sa("Boolean", "bool");
            case "varchar" -> call(types.sa("String", "str"), join(length(t), collation(t)));
            case "bpchar" -> call(types.sa("CHAR", "str"), join(length(t), collation(t)));
            case "text" -> call(types.sa("Text", "str"), collation(t));
            case "bytea" -> types.sa("LargeBinary", "bytes");
            case "date" -> types.sa("Date", "datetime.date");
            case "time", "timetz", "timestamp", "timestamptz" -> time(t, types);
            case "interval" -> t.precision() == null ? types.sa("Interval", "datetime.timedelta")
                    : call(types.dialect("INTERVAL", "datetime.timedelta"), "precision=" + t.precision());
            case "uuid" -> types.dialect("UUID", "uuid.UUID");
            case "json" -> types.sa("JSON", "dict");
            case "jsonb" -> types.dialect("JSONB", "dict");
            case "inet" -> types.dialect("INET", "str");
            case "cidr" -> types.dialect("CIDR", "str");
            case "macaddr" -> types.dialect("MACADDR", "str");
            case "money" -> types.dialect("MONEY", "str");
            case "oid" -> types.dialect("OID", "int");
            case "tsvector" -> types.dialect("TSVECTOR", "str");
            // the one common extension type, a str as in the Java records (String); SQLAlchemy's own CITEXT
            // came in 2.0.7, and the tables output loads in 1.4 too
            case "user:citext" -> types.nativeType("citext", "str");
            case "bit" -> sized(types.dialect("BIT", "str"), t.length());
            case "varbit" -> call(types.dialect("BIT", "str"), (t.length() == null ? "" : t.length() + ", ") + "varying=True");
            case "int4range" -> types.dialect("INT4RANGE", "Any");
            case "int8range" -> types.dialect("INT8RANGE", "Any");
            case "numrange" -> types.dialect("NUMRANGE", "Any");
            case "daterange" -> types.dialect("DATERANGE", "Any");
            case "tsrange" -> types.dialect("TSRANGE", "Any");
            case "tstzrange" -> types.dialect("TSTZRANGE", "Any");
            default -> types.nativeType(t.declared());
        };
    }

    /**
     * SQLAlchemy writes {@code COLLATE "<collation>"}, quoting the value as one identifier: the model's quoted
     * {@code "app"."german_ci"} goes in without its outer quotes, so that a schema-qualified name stays two.
     */
    private static String collation(ColumnType t) {
        return t.collation() == null ? null
                : "collation=" + SqlAlchemyTypes.str(t.collation().substring(1, t.collation().length() - 1));
    }

    /** The enum type's name, and its schema when it is not the default one. */
    private static List<String> enumKeywords(ColumnType t) {
        List<String> keywords = new ArrayList<>();
        keywords.add("name=" + SqlAlchemyTypes.str(t.typeName()));
        if (t.typeSchema() != null) {
            keywords.add("schema=" + SqlAlchemyTypes.str(t.typeSchema()));
        }
        return keywords;
    }

    private static PyType time(ColumnType t, SqlAlchemyTypes types) {
        boolean timestamp = t.name().startsWith("timestamp");
        boolean zoned = t.name().endsWith("tz");
        String annotation = timestamp ? "datetime.datetime" : "datetime.time";
        if (t.precision() == null) {
            PyType generic = types.sa(timestamp ? "DateTime" : "Time", annotation);
            return zoned ? call(generic, "timezone=True") : generic;
        }
        List<String> args = new ArrayList<>();
        if (zoned) {
            args.add("timezone=True");
        }
        args.add("precision=" + t.precision());
        return call(types.dialect(timestamp ? "TIMESTAMP" : "TIME", annotation), String.join(", ", args));
    }
}
