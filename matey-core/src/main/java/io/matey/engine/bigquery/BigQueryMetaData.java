package io.matey.engine.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@link DatabaseMetaData} the core's data sets read (docs/architecture.md §3): a table's columns, from
 * the tables API, with TYPE_NAME the full GoogleSQL type ({@code STRING(40)}, {@code NUMERIC(12, 2)},
 * {@code ARRAY<INT64>}), which the engine's data dialect parses; and the declared primary key
 * ({@code PRIMARY KEY (...) NOT ENFORCED}, {@link BigQueryKeys}), which a data file without {@code on} matches rows by.
 */
final class BigQueryMetaData extends AdapterHandler {

    private static final List<String> COLUMNS = List.of("TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "TYPE_NAME",
            "IS_GENERATEDCOLUMN");

    private final BigQueryDataset dataset;

    private BigQueryMetaData(BigQueryDataset dataset) {
        this.dataset = dataset;
    }

    static DatabaseMetaData of(BigQueryDataset dataset) {
        return (DatabaseMetaData) Proxy.newProxyInstance(BigQueryMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, new BigQueryMetaData(dataset));
    }

    @Override
    String describe() {
        return "The BigQuery metadata of " + dataset.url();
    }

    @Override
    Object answer(Method method, Object[] args) throws SQLException {
        return switch (method.getName()) {
            case "getColumns" -> columns((String) args[2]);
            case "getPrimaryKeys" -> primaryKey((String) args[2]);
            default -> throw BigQueryConnection.unsupported("DatabaseMetaData", method, args.length);
        };
    }

    /** The declared primary key of one table ({@link BigQueryKeys}). */
    private ResultSet primaryKey(String table) throws SQLException {
        List<String> key = ClientCalls.call(() -> BigQueryKeys.of(dataset, table));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            rows.add(new Object[] {String.valueOf(i + 1), key.get(i)});
        }
        return BigQueryResults.text(List.of("KEY_SEQ", "COLUMN_NAME"), rows);
    }

    /** The columns of one table (its exact name: data sets ask for one table, not a pattern). */
    private ResultSet columns(String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        Table found = ClientCalls.call(() -> dataset.client().getTable(TableId.of(dataset.url().project(),
                dataset.url().dataset(), table)));
        TableDefinition definition = found == null ? null : found.getDefinition();
        if (definition instanceof StandardTableDefinition standard && standard.getSchema() != null) {
            for (Field field : standard.getSchema().getFields()) {
                rows.add(new Object[] {dataset.url().dataset(), table, field.getName(), BigQueryTypes.declared(field), "NO"});
            }
        }
        return BigQueryResults.text(COLUMNS, rows);
    }
}
