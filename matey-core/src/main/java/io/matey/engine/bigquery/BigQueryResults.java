package io.matey.engine.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableResult;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * A query's rows as a JDK {@link CachedRowSet} (docs/architecture.md §3): column names and GoogleSQL type names from
 * the result's schema, INT64, FLOAT64, NUMERIC/BIGNUMERIC and BOOL values as Java numbers and booleans, every other
 * value as the text BigQuery sends (ARRAY and STRUCT values as the client renders them).
 */
final class BigQueryResults {

    private BigQueryResults() {
    }

    static ResultSet of(TableResult result) throws SQLException {
        FieldList fields = result.getSchema().getFields();
        RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
        meta.setColumnCount(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            meta.setColumnName(i + 1, field.getName());
            meta.setColumnLabel(i + 1, field.getName());
            meta.setColumnTypeName(i + 1, typeName(field));
            meta.setColumnType(i + 1, jdbcType(field));
            meta.setNullable(i + 1, ResultSetMetaData.columnNullable);
        }
        CachedRowSet rows = RowSetProvider.newFactory().createCachedRowSet();
        rows.setMetaData(meta);
        for (FieldValueList row : result.iterateAll()) {
            rows.moveToInsertRow();
            for (int i = 0; i < fields.size(); i++) {
                Object value = value(fields.get(i), row.get(i));
                if (value == null) {
                    rows.updateNull(i + 1);
                } else {
                    rows.updateObject(i + 1, value);
                }
            }
            rows.insertRow();
            rows.moveToCurrentRow();
        }
        rows.beforeFirst();
        return rows;
    }

    private static String typeName(Field field) {
        String type = field.getType().getStandardType().name();
        return field.getMode() == Field.Mode.REPEATED ? "ARRAY<" + type + ">" : type;
    }

    private static int jdbcType(Field field) {
        if (field.getMode() == Field.Mode.REPEATED) {
            return Types.ARRAY;
        }
        return switch (field.getType().getStandardType()) {
            case INT64 -> Types.BIGINT;
            case FLOAT64 -> Types.DOUBLE;
            case NUMERIC, BIGNUMERIC -> Types.NUMERIC;
            case BOOL -> Types.BOOLEAN;
            case STRING -> Types.VARCHAR;
            default -> Types.OTHER;
        };
    }

    private static Object value(Field field, FieldValue value) {
        if (value.isNull()) {
            return null;
        }
        if (field.getMode() == Field.Mode.REPEATED || value.getAttribute() != FieldValue.Attribute.PRIMITIVE) {
            return String.valueOf(value.getValue());
        }
        StandardSQLTypeName type = field.getType().getStandardType();
        return switch (type) {
            case INT64 -> value.getLongValue();
            case FLOAT64 -> value.getDoubleValue();
            case NUMERIC, BIGNUMERIC -> value.getNumericValue();
            case BOOL -> value.getBooleanValue();
            default -> value.getStringValue();
        };
    }
}
