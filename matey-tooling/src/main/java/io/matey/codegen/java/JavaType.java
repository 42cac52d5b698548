package io.matey.codegen.java;

/**
 * The Java type of a column: columns that cannot be null get the primitive where there is one, so that
 * nullability is visible in the type. Engines map their column types to these ({@code CodegenDialect.javaType}).
 *
 * @param primitive the primitive type, or null when there is none
 * @param boxed     the reference type, fully qualified outside {@code java.lang}
 */
public record JavaType(String primitive, String boxed) {

    public static final JavaType BOOLEAN = new JavaType("boolean", "Boolean");
    public static final JavaType BYTE = new JavaType("byte", "Byte");
    public static final JavaType SHORT = new JavaType("short", "Short");
    public static final JavaType INT = new JavaType("int", "Integer");
    public static final JavaType LONG = new JavaType("long", "Long");
    public static final JavaType FLOAT = new JavaType("float", "Float");
    public static final JavaType DOUBLE = new JavaType("double", "Double");
    public static final JavaType STRING = of("String");
    public static final JavaType BYTES = of("byte[]");
    public static final JavaType DECIMAL = of("java.math.BigDecimal");
    public static final JavaType BIG_INTEGER = of("java.math.BigInteger");
    public static final JavaType DATE = of("java.time.LocalDate");
    public static final JavaType TIME = of("java.time.LocalTime");
    public static final JavaType OFFSET_TIME = of("java.time.OffsetTime");
    public static final JavaType DATE_TIME = of("java.time.LocalDateTime");
    public static final JavaType OFFSET_DATE_TIME = of("java.time.OffsetDateTime");
    public static final JavaType UUID = of("java.util.UUID");
    /** For types without a fitting Java class: what the driver's {@code getObject} returns. */
    public static final JavaType OBJECT = of("Object");

    /** A reference type without a primitive, such as {@code java.util.List<String>}. */
    public static JavaType of(String name) {
        return new JavaType(null, name);
    }

    String forNullability(boolean nullable) {
        return nullable || primitive == null ? boxed : primitive;
    }
}
