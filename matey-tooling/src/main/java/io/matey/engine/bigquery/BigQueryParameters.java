package io.matey.engine.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.matey.data.ColumnType;
import io.matey.data.ValueBinder;
import io.matey.data.ValueKind;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed query parameters of data-file values (docs/architecture.md §3): BigQuery needs a type even for NULL. Scalars
 * through the client's factories, GEOGRAPHY and other types as their text; an ARRAY as an array parameter of its
 * element type, a STRUCT as a struct parameter of its fields in declared order, nested as the column is.
 */
final class BigQueryParameters {

    /** The client's formats for TIME and DATETIME parameters, which always carry microseconds. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private BigQueryParameters() {
    }

    static QueryParameterValue of(ColumnType type, Object value) throws SQLException {
        return switch (type.kind()) {
            case ARRAY -> array(type, value == null ? List.of() : (List<?>) value);
            case STRUCT -> struct(type, (Map<?, ?>) value);
            default -> value == null ? QueryParameterValue.of(null, standardType(type)) : scalar(type, value);
        };
    }

    /**
     * The client types an array of structs by its first element, so an empty one would go out without its fields:
     * refused rather than sent half-typed. BigQuery arrays hold neither NULL elements nor arrays.
     */
    private static QueryParameterValue array(ColumnType type, List<?> values) throws SQLException {
        ColumnType element = type.element();
        if (values.isEmpty() && element.kind() == ValueKind.STRUCT) {
            throw new SQLException("An empty " + type.label() + " cannot be sent as a BigQuery query parameter (the "
                    + "client types an array of structs by its first element); leave the row out or give it elements.");
        }
        List<QueryParameterValue> elements = new ArrayList<>();
        for (Object value : values) {
            if (value == null || value instanceof List<?>) {
                throw new SQLException("A BigQuery " + type.label() + " cannot hold " + (value == null ? "NULL elements"
                        : "arrays (arrays have one dimension)") + ".");
            }
            elements.add(of(element, value));
        }
        return QueryParameterValue.newBuilder().setType(StandardSQLTypeName.ARRAY).setArrayType(standardType(element))
                .setArrayValues(elements).build();
    }

    private static QueryParameterValue struct(ColumnType type, Map<?, ?> values) throws SQLException {
        Map<String, QueryParameterValue> fields = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> field : type.fields().entrySet()) {
            fields.put(field.getKey(), of(field.getValue(), values == null ? null : values.get(field.getKey())));
        }
        if (values != null) {
            return QueryParameterValue.struct(fields);
        }
        return QueryParameterValue.newBuilder().setType(StandardSQLTypeName.STRUCT).setStructTypes(fields).build();
    }

    private static QueryParameterValue scalar(ColumnType type, Object value) {
        return switch (type.kind()) {
            case INTEGER -> QueryParameterValue.int64((Long) value);
            case BOOLEAN -> QueryParameterValue.bool((Boolean) value);
            case DECIMAL -> standardType(type) == StandardSQLTypeName.BIGNUMERIC
                    ? QueryParameterValue.bigNumeric((BigDecimal) value) : QueryParameterValue.numeric((BigDecimal) value);
            case FLOAT64 -> QueryParameterValue.float64((Double) value);
            case DATE -> QueryParameterValue.date(value.toString());
            case TIME -> QueryParameterValue.time(TIME.format((LocalTime) value));
            case TIMESTAMP -> QueryParameterValue.dateTime(DATETIME.format((LocalDateTime) value));
            case TIMESTAMPTZ -> QueryParameterValue.timestamp(ChronoUnit.MICROS.between(Instant.EPOCH,
                    ((OffsetDateTime) value).toInstant()));
            case BYTES -> QueryParameterValue.bytes((byte[]) value);
            case JSON -> QueryParameterValue.json(ValueBinder.text(value));
            case OTHER -> QueryParameterValue.of((String) value, standardType(type));
            default -> QueryParameterValue.string((String) value);
        };
    }

    private static StandardSQLTypeName standardType(ColumnType type) {
        return switch (type.kind()) {
            case ARRAY -> StandardSQLTypeName.ARRAY;
            case STRUCT -> StandardSQLTypeName.STRUCT;
            default -> StandardSQLTypeName.valueOf(BigQueryColumnTypes.base(type));
        };
    }
}
