package io.matey.engine.bigquery;

import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.TableChanges;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import io.matey.data.ValueReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BigQuery's data export and apply (docs/architecture.md §3). The engine-neutral part reads the table by key and
 * chooses the difference to write, which {@link BigQueryWrites} sends as few jobs (multi-row INSERTs, DELETE by a
 * list of keys, a MERGE for updates on BigQuery); without transactions a set is written file by file. Values travel as typed positional
 * query parameters ({@link BigQueryParameters}): INT64, BOOL, NUMERIC/BIGNUMERIC, FLOAT64, STRING(n), DATE, TIME,
 * DATETIME (a timestamp without zone), TIMESTAMP (an instant, in UTC), BYTES (hex), JSON, GEOGRAPHY as its WKT text,
 * ARRAY as a JSON array and STRUCT as a JSON object of its fields, nested as declared. BigQuery stores a NULL array
 * as an empty one, so a data file's null in an ARRAY column is written, compared and exported as {@code []}. A
 * replace without key deletes with {@code WHERE TRUE} (BigQuery requires a WHERE), which, unlike TRUNCATE, reports
 * how many rows it removed.
 */
final class BigQueryDataDialect implements DataDialect {

    @Override
    public String quote(String identifier) {
        return BigQueryEngine.quoted(identifier);
    }

    /** {@code declared} is the column's whole GoogleSQL type from the tables API ({@link BigQueryMetaData}). */
    @Override
    public Optional<String> qualifierOutsideTarget() {
        return Optional.of("BigQuery dataset");
    }

    /** Asked of the tables API, as the connection adapter has no JDBC catalog of tables. */
    @Override
    public Optional<String> notATable(Connection connection, String schema, String table) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        Table found = dataset.client().getTable(TableId.of(dataset.url().project(), dataset.url().dataset(), table));
        TableDefinition.Type type = found == null ? null : found.getDefinition().getType();
        return TableDefinition.Type.VIEW.equals(type) ? Optional.of("view")
                : TableDefinition.Type.MATERIALIZED_VIEW.equals(type) ? Optional.of("materialized view")
                : Optional.empty();
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return BigQueryColumnTypes.of(declared);
    }

    @Override
    public boolean nullArraysAreEmpty() {
        return true;
    }

    /**
     * Temporary tables live only within one script or session, which this engine's jobs are not; strings compare as
     * bytes unless a column declares a collation, which data sets do not support (docs/architecture.md §3).
     */
    @Override
    public boolean keysEqualOnlyWhenIdentical() {
        return true;
    }

    /** Values as {@link BigQueryResults} holds them: numbers and booleans typed, bytes as bytes, the rest as text. */
    @Override
    public Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        return value(rs.getObject(index), type);
    }

    private static Object value(Object raw, ColumnType type) throws ValueException {
        if (raw == null) {
            return type.kind() == ValueKind.ARRAY ? List.of() : null;
        }
        return switch (type.kind()) {
            case DECIMAL -> ValueReader.padded((BigDecimal) raw, type);
            case JSON -> ValueReader.json((String) raw);
            case ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (Object element : (List<?>) raw) {
                    elements.add(value(element, type.element()));
                }
                yield elements;
            }
            case STRUCT -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Map.Entry<String, ColumnType> field : type.fields().entrySet()) {
                    fields.put(field.getKey(), value(((Map<?, ?>) raw).get(field.getKey()), field.getValue()));
                }
                yield fields;
            }
            case DATE -> LocalDate.parse((String) raw);
            case TIME -> LocalTime.parse((String) raw);
            case TIMESTAMP -> LocalDateTime.parse(((String) raw).replace(' ', 'T'));
            case TIMESTAMPTZ -> OffsetDateTime.parse((String) raw).withOffsetSameInstant(ZoneOffset.UTC);
            default -> raw; // INT64 as Long, BOOL as Boolean, FLOAT64 as Double, BYTES as byte[], text as String
        };
    }

    @Override
    public void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        ps.setObject(index, BigQueryParameters.of(type, value));
    }

    /** As few jobs as the changes allow ({@link BigQueryWrites}), run in the order given. */
    @Override
    public void write(Connection connection, TableChanges changes) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        for (BigQueryWrites.Statement statement : BigQueryWrites.of(this, changes, !dataset.url().emulator())) {
            try {
                dataset.execute(statement.sql(), statement.parameters());
            } catch (BigQueryStatementException e) {
                throw new SQLException(e.getMessage(), e);
            }
        }
    }

    @Override
    public String delete(String table, String where) {
        return "DELETE FROM " + table + " WHERE " + (where.isEmpty() ? "TRUE" : where);
    }
}
