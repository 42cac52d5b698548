package io.matey.codegen.sqlalchemy;

import io.matey.codegen.model.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQLAlchemy types for each engine's column types: the generic type where one compiles to the same DDL, the
 * dialect's type where none does, and {@code NativeType('<name>')} (a small class the module then defines) for
 * types SQLAlchemy has no class for, so that the metadata still creates the column as it was. Only types that
 * exist in SQLAlchemy 1.4 and 2.x are used, so the {@code tables} output loads in both.
 */
final class SqlAlchemyTypes {

    /** The type expression and the Python type for {@code Mapped[...]}. */
    record PyType(String expression, String annotation) {
    }

    static final String NATIVE_TYPE = "NativeType";

    private static final String POSTGRESQL = "sqlalchemy.dialects.postgresql";
    private static final String MYSQL = "sqlalchemy.dialects.mysql";

    private final String engine;
    private final PyImports imports;
    private boolean nativeTypeUsed;

    SqlAlchemyTypes(String engine, PyImports imports) {
        this.engine = engine;
        this.imports = imports;
    }

    /** Whether some column needed {@code NativeType}, which the module must then define. */
    boolean nativeTypeUsed() {
        return nativeTypeUsed;
    }

    PyType map(ColumnType type) {
        return switch (engine) {
            case "postgres" -> postgres(type);
            case "mysql" -> mysql(type);
            default -> sqlite(type);
        };
    }

    private PyType postgres(ColumnType t) {
        if (t.isArray()) {
            return new PyType(imports.sa("ARRAY") + "(" + postgres(t.element()).expression() + ")", "list");
        }
        return switch (t.name()) {
            case "enum" -> new PyType(enumType(t), "str");
            case "int2" -> sa("SmallInteger", "int");
            case "int4" -> sa("Integer", "int");
            case "int8" -> sa("BigInteger", "int");
            case "numeric" -> numeric(t);
            case "float4" -> sa("REAL", "float");
            case "float8" -> dialect(POSTGRESQL, "DOUBLE_PRECISION", "float");
            case "bool" -> sa("Boolean", "bool");
            case "varchar" -> sized(sa("String", "str"), t.length());
            case "bpchar" -> sized(sa("CHAR", "str"), t.length());
            case "text" -> sa("Text", "str");
            case "bytea" -> sa("LargeBinary", "bytes");
            case "date" -> sa("Date", "datetime.date");
            case "time", "timetz", "timestamp", "timestamptz" -> pgTime(t);
            case "interval" -> t.precision() == null ? sa("Interval", "datetime.timedelta")
                    : call(dialect(POSTGRESQL, "INTERVAL", "datetime.timedelta"), "precision=" + t.precision());
            case "uuid" -> dialect(POSTGRESQL, "UUID", "uuid.UUID");
            case "json" -> sa("JSON", "dict");
            case "jsonb" -> dialect(POSTGRESQL, "JSONB", "dict");
            case "inet" -> dialect(POSTGRESQL, "INET", "str");
            case "cidr" -> dialect(POSTGRESQL, "CIDR", "str");
            case "macaddr" -> dialect(POSTGRESQL, "MACADDR", "str");
            case "money" -> dialect(POSTGRESQL, "MONEY", "str");
            case "oid" -> dialect(POSTGRESQL, "OID", "int");
            case "tsvector" -> dialect(POSTGRESQL, "TSVECTOR", "str");
            case "bit" -> sized(dialect(POSTGRESQL, "BIT", "str"), t.length());
            case "varbit" -> new PyType(imports.use(POSTGRESQL, "BIT") + "(" + (t.length() == null ? "" : t.length() + ", ")
                    + "varying=True)", "str");
            case "int4range" -> dialect(POSTGRESQL, "INT4RANGE", "Any");
            case "int8range" -> dialect(POSTGRESQL, "INT8RANGE", "Any");
            case "numrange" -> dialect(POSTGRESQL, "NUMRANGE", "Any");
            case "daterange" -> dialect(POSTGRESQL, "DATERANGE", "Any");
            case "tsrange" -> dialect(POSTGRESQL, "TSRANGE", "Any");
            case "tstzrange" -> dialect(POSTGRESQL, "TSTZRANGE", "Any");
            default -> nativeType(t.declared());
        };
    }

    private PyType pgTime(ColumnType t) {
        boolean timestamp = t.name().startsWith("timestamp");
        boolean zoned = t.name().endsWith("tz");
        String annotation = timestamp ? "datetime.datetime" : "datetime.time";
        if (t.precision() == null) {
            PyType generic = sa(timestamp ? "DateTime" : "Time", annotation);
            return zoned ? call(generic, "timezone=True") : generic;
        }
        List<String> args = new ArrayList<>();
        if (zoned) {
            args.add("timezone=True");
        }
        args.add("precision=" + t.precision());
        return call(dialect(POSTGRESQL, timestamp ? "TIMESTAMP" : "TIME", annotation), String.join(", ", args));
    }

    private PyType mysql(ColumnType t) {
        String unsigned = t.unsigned() ? "unsigned=True" : null;
        return switch (t.name()) {
            case "tinyint" -> call(dialect(MYSQL, "TINYINT", "int"), join(t.length() == null ? null : t.length().toString(), unsigned));
            case "smallint" -> unsigned == null ? sa("SmallInteger", "int") : call(dialect(MYSQL, "SMALLINT", "int"), unsigned);
            case "mediumint" -> call(dialect(MYSQL, "MEDIUMINT", "int"), unsigned);
            case "int" -> unsigned == null ? sa("Integer", "int") : call(dialect(MYSQL, "INTEGER", "int"), unsigned);
            case "bigint" -> unsigned == null ? sa("BigInteger", "int") : call(dialect(MYSQL, "BIGINT", "int"), unsigned);
            case "decimal" -> unsigned == null ? numeric(t) : call(dialect(MYSQL, "DECIMAL", "decimal.Decimal"),
                    join(t.precision() == null ? null : t.precision() + ", " + t.scale(), unsigned));
            case "float" -> unsigned == null ? sa("Float", "float") : call(dialect(MYSQL, "FLOAT", "float"), unsigned);
            case "double" -> call(dialect(MYSQL, "DOUBLE", "float"), join("asdecimal=False", unsigned));
            case "bit" -> sized(dialect(MYSQL, "BIT", "int"), t.length());
            case "char" -> sized(sa("CHAR", "str"), t.length());
            case "varchar" -> sized(sa("String", "str"), t.length());
            case "tinytext" -> dialect(MYSQL, "TINYTEXT", "str");
            case "text" -> sa("Text", "str");
            case "mediumtext" -> dialect(MYSQL, "MEDIUMTEXT", "str");
            case "longtext" -> dialect(MYSQL, "LONGTEXT", "str");
            case "binary" -> sized(sa("BINARY", "bytes"), t.length());
            case "varbinary" -> sized(sa("VARBINARY", "bytes"), t.length());
            case "tinyblob" -> dialect(MYSQL, "TINYBLOB", "bytes");
            case "blob" -> sa("LargeBinary", "bytes");
            case "mediumblob" -> dialect(MYSQL, "MEDIUMBLOB", "bytes");
            case "longblob" -> dialect(MYSQL, "LONGBLOB", "bytes");
            case "enum" -> new PyType(imports.sa("Enum") + "(" + labels(t) + ")", "str");
            case "set" -> new PyType(imports.use(MYSQL, "SET") + "(" + labels(t) + ")", "str");
            case "date" -> sa("Date", "datetime.date");
            case "datetime" -> t.precision() == null ? sa("DateTime", "datetime.datetime")
                    : call(dialect(MYSQL, "DATETIME", "datetime.datetime"), "fsp=" + t.precision());
            // The dialect's TIMESTAMP always: SQLAlchemy's generic one would clash with it by name.
            case "timestamp" -> t.precision() == null ? dialect(MYSQL, "TIMESTAMP", "datetime.datetime")
                    : call(dialect(MYSQL, "TIMESTAMP", "datetime.datetime"), "fsp=" + t.precision());
            case "time" -> t.precision() == null ? sa("Time", "datetime.time")
                    : call(dialect(MYSQL, "TIME", "datetime.time"), "fsp=" + t.precision());
            case "year" -> dialect(MYSQL, "YEAR", "int");
            case "json" -> sa("JSON", "dict");
            default -> nativeType(t.declared());
        };
    }

    /** SQLite keeps declared types verbatim; unknown names follow its type-affinity rules, as SQLAlchemy does. */
    private PyType sqlite(ColumnType t) {
        String name = t.name();
        return switch (name) {
            case "bigint" -> sa("BigInteger", "int");
            case "smallint" -> sa("SmallInteger", "int");
            case "boolean", "bool" -> sa("Boolean", "bool");
            case "date" -> sa("Date", "datetime.date");
            case "datetime", "timestamp" -> sa("DateTime", "datetime.datetime");
            case "time" -> sa("Time", "datetime.time");
            case "json" -> sa("JSON", "dict");
            case "decimal", "numeric" -> numeric(t);
            case "float" -> sa("Float", "float");
            case "real" -> sa("REAL", "float");
            case "double", "double precision" -> call(sa("Float", "float"), "53");
            case "varchar", "nvarchar", "character varying", "varying character", "nchar varying" -> sized(sa("String", "str"), t.length());
            case "char", "nchar", "character", "native character" -> sized(sa("CHAR", "str"), t.length());
            case "text", "clob" -> sa("Text", "str");
            case "blob" -> sa("LargeBinary", "bytes");
            default -> {
                if (name.isEmpty()) {
                    // No declared type: values are stored as given, so nothing may convert them; an untyped
                    // column is also what the metadata then creates.
                    yield nativeType("");
                } else if (name.contains("int")) {
                    yield sa("Integer", "int");
                } else if (name.contains("char") || name.contains("clob") || name.contains("text")) {
                    yield sized(sa("String", "str"), t.length());
                } else if (name.contains("blob")) {
                    yield sa("LargeBinary", "bytes");
                } else if (name.contains("real") || name.contains("floa") || name.contains("doub")) {
                    yield sa("REAL", "float");
                } else {
                    yield numeric(t);
                }
            }
        };
    }

    private PyType numeric(ColumnType t) {
        PyType numeric = sa("Numeric", "decimal.Decimal");
        if (t.precision() == null) {
            return numeric;
        }
        return call(numeric, t.scale() == null ? t.precision().toString() : t.precision() + ", " + t.scale());
    }

    private String enumType(ColumnType t) {
        List<String> args = new ArrayList<>();
        args.add(labels(t));
        args.add("name=" + Py.str(t.typeName()));
        if (t.typeSchema() != null) {
            args.add("schema=" + Py.str(t.typeSchema()));
        }
        return imports.sa("Enum") + "(" + String.join(", ", args) + ")";
    }

    private static String labels(ColumnType t) {
        return t.labels().stream().map(Py::str).collect(Collectors.joining(", "));
    }

    private PyType nativeType(String declared) {
        nativeTypeUsed = true;
        imports.use("sqlalchemy.types", "UserDefinedType");
        return new PyType(NATIVE_TYPE + "(" + Py.str(declared) + ")", "Any");
    }

    private PyType sa(String name, String annotation) {
        return new PyType(imports.sa(name), annotation);
    }

    private PyType dialect(String module, String name, String annotation) {
        return new PyType(imports.use(module, name), annotation);
    }

    private static PyType sized(PyType type, Integer length) {
        return length == null ? type : call(type, length.toString());
    }

    private static PyType call(PyType type, String args) {
        return args == null || args.isEmpty() ? type : new PyType(type.expression() + "(" + args + ")", type.annotation());
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + ", " + b;
    }
}
