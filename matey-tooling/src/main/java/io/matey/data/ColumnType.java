package io.matey.data;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column's type as far as data files care.
 *
 * @param label     the type as the database names it, for messages
 * @param precision total digits of a constrained decimal; 0 when unconstrained or not a decimal
 * @param scale     digits after the point of a constrained decimal
 * @param maxLength the character limit the database enforces; 0 when none
 * @param maxBytes  the limit in bytes of UTF-8 the database enforces (ClickHouse's {@code FixedString(N)}); 0 when none
 * @param min       the smallest integer the column holds; null when not an integer
 * @param max       the largest integer the column holds; null when not an integer
 * @param element   the type of an array's elements; null when not an array
 * @param fields    a struct's fields by name, in declared order; null when not a struct
 * @param labels    an enum's or a set's values, the only texts it holds; null when neither
 */
public record ColumnType(ValueKind kind, String label, int precision, int scale, int maxLength, int maxBytes,
        BigInteger min, BigInteger max, ColumnType element, Map<String, ColumnType> fields, Labels labels) {

    public static ColumnType of(ValueKind kind, String label) {
        return new ColumnType(kind, label, 0, 0, 0, 0, null, null, null, null, null);
    }

    /** An array of {@code element}, labelled by the element's catalog name: {@code int4[]}. */
    public static ColumnType array(String elementName, ColumnType element) {
        return new ColumnType(ValueKind.ARRAY, elementName + "[]", 0, 0, 0, 0, null, null, element, null, null);
    }

    /** An array of {@code element} under the engine's own name for the whole type: {@code ARRAY<INT64>}. */
    public static ColumnType arrayNamed(String label, ColumnType element) {
        return new ColumnType(ValueKind.ARRAY, label, 0, 0, 0, 0, null, null, element, null, null);
    }

    /** A struct of {@code fields}, in declared order. */
    public static ColumnType struct(String label, Map<String, ColumnType> fields) {
        return new ColumnType(ValueKind.STRUCT, label, 0, 0, 0, 0, null, null, null,
                Collections.unmodifiableMap(new LinkedHashMap<>(fields)), null);
    }

    /** The catalog name of an array's element type, as {@code createArrayOf} takes it. */
    public String elementName() {
        return label.substring(0, label.length() - 2);
    }

    public static ColumnType integer(String label, int bits, boolean unsigned) {
        BigInteger span = BigInteger.ONE.shiftLeft(unsigned ? bits : bits - 1);
        return new ColumnType(ValueKind.INTEGER, label, 0, 0, 0, 0, unsigned ? BigInteger.ZERO : span.negate(),
                span.subtract(BigInteger.ONE), null, null, null);
    }

    public static ColumnType decimal(String label, int precision, int scale) {
        return new ColumnType(ValueKind.DECIMAL, label, precision, scale, 0, 0, null, null, null, null, null);
    }

    /** Integers from {@code min} to {@code max}, as a type narrower than its storage holds (MySQL's YEAR). */
    public static ColumnType integer(String label, long min, long max) {
        return new ColumnType(ValueKind.INTEGER, label, 0, 0, 0, 0, BigInteger.valueOf(min), BigInteger.valueOf(max),
                null, null, null);
    }

    /** A column of {@code kind} whose values must be {@code labels}: an enum or a set. */
    public static ColumnType labelled(ValueKind kind, String label, Labels labels) {
        return new ColumnType(kind, label, 0, 0, 0, 0, null, null, null, null, labels);
    }

    /** Text of at most {@code maxLength} characters (0: no limit). */
    public static ColumnType text(String label, int maxLength) {
        return new ColumnType(ValueKind.TEXT, label, 0, 0, maxLength, 0, null, null, null, null, null);
    }

    /** Text of at most {@code maxBytes} bytes once encoded in UTF-8, as a ClickHouse {@code FixedString} holds. */
    public static ColumnType textOfBytes(String label, int maxBytes) {
        return new ColumnType(ValueKind.TEXT, label, 0, 0, 0, maxBytes, null, null, null, null, null);
    }
}
