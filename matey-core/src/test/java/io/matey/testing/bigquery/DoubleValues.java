package io.matey.testing.bigquery;

import io.matey.testing.bigquery.DoubleCatalog.Column;
import io.matey.testing.bigquery.DoubleCatalog.Table;
import io.matey.testing.bigquery.DoubleTokens.Kind;
import io.matey.testing.bigquery.DoubleTokens.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The double's checks of stored values against their columns, and GoogleSQL's equality, over values kept as text. */
final class DoubleValues {

    private DoubleValues() {
    }

    static Map<String, Object> checked(Table table, Map<String, Object> row) {
        for (Column column : table.columns) {
            if (column.notNull() && row.get(column.name()) == null) {
                throw DoubleError.invalidQuery("Required field " + column.name() + " cannot be null");
            }
        }
        return row;
    }

    private static final Set<String> TEXT_COERCIBLE = Set.of("STRING", "DATE", "DATETIME", "TIME", "TIMESTAMP", "JSON");

    /** Checks an INSERT literal against its column's type, as BigQuery does; the value is kept as text. */
    static Object typed(Column column, Token first, Object value) {
        if (value == null) {
            return null;
        }
        String type = column.type().replaceAll("\\(.*", "");
        boolean typedLiteral = first.kind() == Kind.WORD && !first.is("TRUE") && !first.is("FALSE");
        boolean fits = switch (type) {
            case "INT64" -> first.kind() == Kind.NUMBER && value.toString().matches("-?\\d+");
            case "FLOAT64" -> first.kind() == Kind.NUMBER;
            case "NUMERIC", "BIGNUMERIC" -> first.kind() == Kind.NUMBER || typedLiteral && first.upper().equals(type);
            case "BOOL" -> first.is("TRUE") || first.is("FALSE");
            default -> {
                if (!TEXT_COERCIBLE.contains(type)) {
                    throw DoubleError.notImplemented("literals for " + column.type() + " column " + column.name());
                }
                yield first.kind() == Kind.STRING || typedLiteral && first.upper().equals(type);
            }
        };
        if (!fits) {
            throw DoubleError.invalidQuery("Value of type " + (first.kind() == Kind.STRING ? "STRING" : first.upper())
                    + " cannot be inserted into column " + column.name() + ", which has type " + column.type());
        }
        checkLength(column, value.toString());
        return value;
    }

    /** Types a parameter of each type may be assigned to, besides its own (BigQuery's implicit coercions). */
    private static final Map<String, Set<String>> COERCIONS = Map.of("INT64", Set.of("NUMERIC", "BIGNUMERIC", "FLOAT64"),
            "NUMERIC", Set.of("BIGNUMERIC", "FLOAT64"), "BIGNUMERIC", Set.of("FLOAT64"));

    /**
     * Checks a positional parameter against its column's type, as BigQuery does; scalars are kept as text, ARRAY
     * and STRUCT values as lists and maps of such values, and a NULL array as an empty one, as BigQuery stores it.
     */
    static Object typedParameter(Column column, String parameterType, Object value) {
        String type = DoubleTypes.unparameterised(column.type());
        boolean composite = type.contains("<") || parameterType.contains("<");
        if (!type.equals(parameterType) && (composite || !COERCIONS.getOrDefault(parameterType, Set.of()).contains(type))) {
            throw DoubleError.invalidQuery("Value of type " + parameterType + " cannot be assigned to " + column.name()
                    + ", which has type " + column.type());
        }
        if (value instanceof String text) {
            checkLength(column, text);
        }
        return value == null && DoubleTypes.isArray(type) ? List.of() : value;
    }

    /**
     * A stored value as the REST API sends it in rows: TIMESTAMP as seconds since the epoch (with microseconds),
     * DATETIME with a {@code T}, NUMERIC and BIGNUMERIC without trailing zeros, ARRAY and STRUCT values element by
     * element and field by field; others as stored.
     */
    static Object rendered(String type, Object value) {
        if (value == null) {
            return DoubleTypes.isArray(type) ? List.of() : null; // a REPEATED field is never NULL
        }
        if (DoubleTypes.isArray(type)) {
            return ((List<?>) value).stream().map(v -> rendered(DoubleTypes.element(type), v)).toList();
        }
        if (DoubleTypes.isStruct(type)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            DoubleTypes.members(type).forEach((name, member) -> fields.put(name, rendered(member, ((Map<?, ?>) value).get(name))));
            return fields;
        }
        String base = type.replaceAll("\\(.*", "");
        if (base.equals("TIMESTAMP")) {
            Instant instant = instant(value.toString());
            return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1000, 6))
                    .toPlainString();
        }
        if (base.equals("DATETIME")) {
            return value.toString().replaceFirst(" ", "T");
        }
        if (base.equals("NUMERIC") || base.equals("BIGNUMERIC")) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    /** TIMESTAMP text as literals and parameters write it: ISO or with a space, an offset, {@code Z} or {@code UTC}. */
    private static Instant instant(String text) {
        String iso = text.strip().replace(' ', 'T').replaceAll("T?UTC$", "Z").replaceAll("([+-]\\d\\d)$", "$1:00");
        try {
            return OffsetDateTime.parse(iso.matches(".*(Z|[+-]\\d\\d:\\d\\d)$") ? iso : iso + "Z").toInstant();
        } catch (DateTimeParseException e) {
            throw DoubleError.invalidQuery("Invalid timestamp: '" + text + "'");
        }
    }

    /** {@code STRING(n)} holds at most n characters. */
    static void checkLength(Column column, String value) {
        java.util.regex.Matcher limit = java.util.regex.Pattern.compile("STRING\\((\\d+)\\)").matcher(column.type());
        if (limit.matches() && value.length() > Integer.parseInt(limit.group(1))) {
            throw DoubleError.invalidQuery("Value of " + value.length() + " characters exceeds the maximum length "
                    + limit.group(1) + " of column " + column.name());
        }
    }

    /** insertAll's JSON values, as BigQuery converts them: integers for INT64, true/false for BOOL, text otherwise. */
    static void checkInsertAllValue(Column column, String value) {
        String type = column.type().replaceAll("\\(.*", "");
        if (type.equals("INT64") && !value.matches("-?\\d+") || type.equals("BOOL") && !value.matches("true|false")) {
            throw DoubleError.invalidQuery("Cannot convert value " + value + " to " + type + " for field " + column.name());
        }
        checkLength(column, value);
    }

    /** SQL equality: NULL equals nothing. Values are held as their literal text. */
    static boolean equal(Object stored, Object literal) {
        return stored != null && literal != null && stored.toString().equals(literal.toString());
    }
}
