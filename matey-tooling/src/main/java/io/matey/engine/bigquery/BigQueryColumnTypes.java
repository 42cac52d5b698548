package io.matey.engine.bigquery;

import io.matey.data.ColumnType;
import io.matey.data.ValueKind;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data-file column types of GoogleSQL types as {@link BigQueryTypes#declared} writes them: scalars with their
 * parameters ({@code STRING(40)}, {@code NUMERIC(12, 2)}), {@code ARRAY<...>} and {@code STRUCT<name type, ...>},
 * nested as BigQuery allows.
 */
final class BigQueryColumnTypes {

    private static final Pattern SCALAR = Pattern.compile("([A-Z0-9]+)(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?");

    private BigQueryColumnTypes() {
    }

    static ColumnType of(String declared) {
        String type = declared.strip();
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.startsWith("ARRAY<") && upper.endsWith(">")) {
            return ColumnType.arrayNamed(type, of(type.substring(6, type.length() - 1)));
        }
        if (upper.startsWith("STRUCT<") && upper.endsWith(">")) {
            Map<String, ColumnType> fields = new LinkedHashMap<>();
            for (String member : topLevel(type.substring(7, type.length() - 1))) {
                int space = member.indexOf(' ');
                fields.put(member.substring(0, space), of(member.substring(space + 1)));
            }
            return ColumnType.struct(type, fields);
        }
        Matcher scalar = SCALAR.matcher(upper);
        if (!scalar.matches()) {
            throw new MateyException(Reason.UNSUPPORTED, "Data sets do not support BigQuery columns of type " + declared
                    + " yet.");
        }
        int first = scalar.group(2) == null ? 0 : Integer.parseInt(scalar.group(2));
        int second = scalar.group(3) == null ? 0 : Integer.parseInt(scalar.group(3));
        return switch (scalar.group(1)) {
            case "INT64" -> ColumnType.integer(type, 64, false);
            case "BOOL" -> ColumnType.of(ValueKind.BOOLEAN, type);
            case "NUMERIC", "BIGNUMERIC" -> ColumnType.decimal(type, first, second);
            case "FLOAT64" -> ColumnType.of(ValueKind.FLOAT64, type);
            case "STRING" -> ColumnType.text(type, first);
            case "DATE" -> ColumnType.of(ValueKind.DATE, type);
            case "TIME" -> ColumnType.of(ValueKind.TIME, type);
            case "DATETIME" -> ColumnType.of(ValueKind.TIMESTAMP, type);
            case "TIMESTAMP" -> ColumnType.of(ValueKind.TIMESTAMPTZ, type);
            case "BYTES" -> ColumnType.of(ValueKind.BYTES, type);
            case "JSON" -> ColumnType.of(ValueKind.JSON, type);
            default -> ColumnType.of(ValueKind.OTHER, type);
        };
    }

    /** The base name of a scalar type: {@code NUMERIC} of {@code NUMERIC(12, 2)}. */
    static String base(ColumnType type) {
        Matcher scalar = SCALAR.matcher(type.label().toUpperCase(Locale.ROOT));
        return scalar.matches() ? scalar.group(1) : type.kind().name();
    }

    /** Splits {@code a INT64, b STRUCT<c STRING, d NUMERIC(5, 2)>} at its top-level commas. */
    private static List<String> topLevel(String members) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < members.length(); i++) {
            char c = members.charAt(i);
            depth += c == '<' || c == '(' ? 1 : c == '>' || c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(members.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(members.substring(start).strip());
        return out;
    }
}
