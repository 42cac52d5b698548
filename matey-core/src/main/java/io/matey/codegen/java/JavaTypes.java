package io.matey.codegen.java;

import io.matey.codegen.model.ColumnType;

/**
 * Java types for each engine's column types, as its JDBC driver returns them. Columns that cannot be null get
 * primitives where there are any, so that nullability is visible in the type.
 */
final class JavaTypes {

    /**
     * @param primitive the primitive type, or null when there is none
     * @param boxed     the reference type, fully qualified outside {@code java.lang}
     */
    record JavaType(String primitive, String boxed) {
        String forNullability(boolean nullable) {
            return nullable || primitive == null ? boxed : primitive;
        }
    }

    private static final JavaType BOOLEAN = new JavaType("boolean", "Boolean");
    private static final JavaType BYTE = new JavaType("byte", "Byte");
    private static final JavaType SHORT = new JavaType("short", "Short");
    private static final JavaType INT = new JavaType("int", "Integer");
    private static final JavaType LONG = new JavaType("long", "Long");
    private static final JavaType FLOAT = new JavaType("float", "Float");
    private static final JavaType DOUBLE = new JavaType("double", "Double");
    private static final JavaType STRING = ref("String");
    private static final JavaType BYTES = ref("byte[]");
    private static final JavaType DECIMAL = ref("java.math.BigDecimal");
    private static final JavaType BIG_INTEGER = ref("java.math.BigInteger");
    private static final JavaType DATE = ref("java.time.LocalDate");
    private static final JavaType TIME = ref("java.time.LocalTime");
    private static final JavaType OFFSET_TIME = ref("java.time.OffsetTime");
    private static final JavaType DATE_TIME = ref("java.time.LocalDateTime");
    private static final JavaType OFFSET_DATE_TIME = ref("java.time.OffsetDateTime");
    private static final JavaType UUID = ref("java.util.UUID");
    private static final JavaType OBJECT = ref("Object");

    private JavaTypes() {
    }

    private static JavaType ref(String name) {
        return new JavaType(null, name);
    }

    static JavaType map(String engine, ColumnType type) {
        return switch (engine) {
            case "postgres" -> postgres(type);
            case "mysql" -> mysql(type);
            default -> sqlite(type);
        };
    }

    private static JavaType postgres(ColumnType t) {
        if (t.isArray()) {
            return ref("java.util.List<" + postgres(t.element()).boxed() + ">");
        }
        return switch (t.name()) {
            case "int2" -> SHORT;
            case "int4" -> INT;
            case "int8", "oid" -> LONG;
            case "numeric" -> DECIMAL;
            case "float4" -> FLOAT;
            case "float8" -> DOUBLE;
            case "bool" -> BOOLEAN;
            // Text-like types the driver hands over as strings; citext is the one common extension type.
            case "varchar", "bpchar", "text", "enum", "json", "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8",
                    "tsvector", "money", "bit", "varbit", "interval", "user:citext" -> STRING;
            case "bytea" -> BYTES;
            case "date" -> DATE;
            case "time" -> TIME;
            case "timetz" -> OFFSET_TIME;
            case "timestamp" -> DATE_TIME;
            case "timestamptz" -> OFFSET_DATE_TIME;
            case "uuid" -> UUID;
            default -> OBJECT;
        };
    }

    private static JavaType mysql(ColumnType t) {
        boolean unsigned = t.unsigned();
        return switch (t.name()) {
            // tinyint(1) is MySQL's boolean, and Connector/J reads it as one.
            case "tinyint" -> Integer.valueOf(1).equals(t.length()) ? BOOLEAN : unsigned ? SHORT : BYTE;
            case "smallint" -> unsigned ? INT : SHORT;
            case "mediumint" -> INT;
            case "int" -> unsigned ? LONG : INT;
            case "bigint" -> unsigned ? BIG_INTEGER : LONG;
            case "decimal" -> DECIMAL;
            case "float" -> FLOAT;
            case "double" -> DOUBLE;
            case "bit" -> Integer.valueOf(1).equals(t.length()) ? BOOLEAN : BYTES;
            case "year" -> SHORT;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json" -> STRING;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> BYTES;
            case "date" -> DATE;
            case "datetime", "timestamp" -> DATE_TIME;
            case "time" -> TIME;
            default -> OBJECT;
        };
    }

    /** By SQLite's type affinity, as the stored values are; {@code ANY} and untyped columns hold anything. */
    private static JavaType sqlite(ColumnType t) {
        String name = t.name();
        return switch (name) {
            case "boolean", "bool" -> BOOLEAN;
            case "date" -> DATE;
            case "datetime", "timestamp" -> DATE_TIME;
            case "time" -> TIME;
            case "any", "" -> OBJECT;
            default -> {
                if (name.contains("int")) {
                    yield LONG;
                } else if (name.contains("char") || name.contains("clob") || name.contains("text") || name.equals("json")) {
                    yield STRING;
                } else if (name.contains("blob")) {
                    yield BYTES;
                } else if (name.contains("real") || name.contains("floa") || name.contains("doub")) {
                    yield DOUBLE;
                } else {
                    yield DECIMAL;
                }
            }
        };
    }
}
