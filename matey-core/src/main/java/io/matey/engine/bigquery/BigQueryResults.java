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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * Rows as a JDK {@link CachedRowSet} (docs/architecture.md §3). A query's: column names and GoogleSQL type names from
 * the result's schema, INT64, FLOAT64, NUMERIC/BIGNUMERIC and BOOL values as Java numbers and booleans, BYTES as
 * bytes, TIMESTAMP as ISO instant text, ARRAY values as lists and STRUCT values as maps by field name (of values
 * as these), every other value as the text BigQuery sends. The adapter's own catalog rows (JDBC metadata) are text columns.
 */
final class BigQueryResults {

    private BigQueryResults() {
    }

    static ResultSet of(TableResult result) throws SQLException {
        FieldList fields = result.getSchema().getFields();
        RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
        meta.setColumnCount(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            describe(meta, i + 1, fields.get(i).getName(), typeName(fields.get(i)), jdbcType(fields.get(i)));
        }
        List<Object[]> rows = new ArrayList<>();
        for (FieldValueList row : result.iterateAll()) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(fields.get(i), row.get(i));
            }
            rows.add(values);
        }
        return filled(meta, rows);
    }

    /** Rows of text columns, as JDBC metadata answers. */
    static ResultSet text(List<String> names, List<Object[]> rows) throws SQLException {
        RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
        meta.setColumnCount(names.size());
        for (int i = 0; i < names.size(); i++) {
            describe(meta, i + 1, names.get(i), "STRING", Types.VARCHAR);
        }
        return filled(meta, rows);
    }

    private static void describe(RowSetMetaDataImpl meta, int index, String name, String typeName, int type)
            throws SQLException {
        meta.setColumnName(index, name);
        meta.setColumnLabel(index, name);
        meta.setColumnTypeName(index, typeName);
        meta.setColumnType(index, type);
        meta.setNullable(index, ResultSetMetaData.columnNullable);
    }

    private static ResultSet filled(RowSetMetaDataImpl meta, List<Object[]> rows) throws SQLException {
        CachedRowSet set = RowSetProvider.newFactory().createCachedRowSet();
        set.setMetaData(meta);
        for (Object[] row : rows) {
            set.afterLast(); // a row set inserts at its cursor: this keeps the rows in order
            set.moveToInsertRow();
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    set.updateNull(i + 1);
                } else {
                    set.updateObject(i + 1, row[i]);
                }
            }
            set.insertRow();
            set.moveToCurrentRow();
        }
        set.beforeFirst();
        return set;
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
            case BYTES -> Types.VARBINARY;
            default -> Types.OTHER;
        };
    }

    /** A value as the dialects read it; an ARRAY as a list and a STRUCT as a map by field name, nested. */
    private static Object value(Field field, FieldValue value) {
        if (value.isNull()) {
            return null;
        }
        if (field.getMode() == Field.Mode.REPEATED) {
            Field element = field.toBuilder().setMode(Field.Mode.NULLABLE).build();
            List<Object> elements = new ArrayList<>();
            for (FieldValue item : value.getRepeatedValue()) {
                elements.add(value(element, item));
            }
            return elements;
        }
        StandardSQLTypeName type = field.getType().getStandardType();
        if (type == StandardSQLTypeName.STRUCT) {
            Map<String, Object> fields = new LinkedHashMap<>();
            FieldList members = field.getSubFields();
            FieldValueList values = value.getRecordValue();
            for (int i = 0; i < members.size(); i++) {
                fields.put(members.get(i).getName(), value(members.get(i), values.get(i)));
            }
            return fields;
        }
        return switch (type) {
            case INT64 -> value.getLongValue();
            case FLOAT64 -> value.getDoubleValue();
            case NUMERIC, BIGNUMERIC -> value.getNumericValue();
            case BOOL -> value.getBooleanValue();
            case TIMESTAMP -> value.getTimestampInstant().toString();
            case BYTES -> value.getBytesValue();
            default -> value.getStringValue();
        };
    }
}
