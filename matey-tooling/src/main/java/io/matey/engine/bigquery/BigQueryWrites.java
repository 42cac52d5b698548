package io.matey.engine.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.matey.data.DataDialect;
import io.matey.data.TableChanges;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A data file's changes as few BigQuery statements (docs/architecture.md §3): each statement is a job, which takes
 * seconds and counts against DML quotas, so a data set of a thousand rows must not be a thousand jobs. Deleted keys
 * go first, {@value #MAX_KEYS} a statement, as {@code DELETE ... WHERE STRUCT(k, ...) IN UNNEST(?)} with the keys as
 * one {@code ARRAY<STRUCT<f0, f1, ...>>} parameter (structs compare field by field); new rows as multi-row INSERTs
 * of at most {@value #MAX_PARAMETERS} parameters (BigQuery's limit), one shape at a time; changed rows as
 * {@code MERGE ... USING UNNEST(?) ... WHEN MATCHED THEN UPDATE}, {@value #MAX_KEYS} a statement. The emulator is
 * not known to run MERGE, so there each changed row is an UPDATE of its own (deleting and inserting instead would
 * lose the columns a file does not name). Nothing in BigQuery depends on row order (no generated ids, no enforced
 * constraints), so rows of one kind and shape share statements wherever they are in the file.
 */
final class BigQueryWrites {

    static final int MAX_PARAMETERS = 10_000;
    static final int MAX_KEYS = 1_000;

    /** One statement and its positional parameters. */
    record Statement(String sql, List<QueryParameterValue> parameters) {
    }

    private final DataDialect dialect;
    private final TableChanges changes;
    private final boolean merge;
    private final List<Statement> statements = new ArrayList<>();

    private BigQueryWrites(DataDialect dialect, TableChanges changes, boolean merge) {
        this.dialect = dialect;
        this.changes = changes;
        this.merge = merge;
    }

    /** The statements that write {@code changes}, in the order to run them; {@code merge} false on the emulator. */
    static List<Statement> of(DataDialect dialect, TableChanges changes, boolean merge) throws SQLException {
        return new BigQueryWrites(dialect, changes, merge).statements();
    }

    private List<Statement> statements() throws SQLException {
        List<Object[]> deletes = new ArrayList<>();
        Map<TableChanges.Columns, List<Object[]>> inserts = new LinkedHashMap<>();
        Map<TableChanges.Columns, List<TableChanges.Update>> updates = new LinkedHashMap<>();
        for (TableChanges.Change change : changes.changes()) {
            if (change instanceof TableChanges.Insert insert) {
                inserts.computeIfAbsent(insert.columns(), c -> new ArrayList<>()).add(insert.values());
            } else if (change instanceof TableChanges.Update update) {
                updates.computeIfAbsent(update.set(), c -> new ArrayList<>()).add(update);
            } else {
                deletes.add(((TableChanges.Delete) change).key());
            }
        }
        if (!deletes.isEmpty()) {
            delete(deletes);
        }
        for (Map.Entry<TableChanges.Columns, List<Object[]>> shape : inserts.entrySet()) {
            insert(shape.getKey(), shape.getValue());
        }
        for (Map.Entry<TableChanges.Columns, List<TableChanges.Update>> shape : updates.entrySet()) {
            if (merge) {
                merge(shape.getKey(), shape.getValue());
            } else {
                updateRowByRow(shape.getKey(), shape.getValue());
            }
        }
        return statements;
    }

    private void delete(List<Object[]> keys) throws SQLException {
        TableChanges.Columns key = changes.key();
        String sql = "DELETE FROM " + changes.table() + " WHERE STRUCT(" + String.join(", ", key.names())
                + ") IN UNNEST(?)";
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<QueryParameterValue> structs = new ArrayList<>();
            for (Object[] values : keys.subList(from, Math.min(keys.size(), from + MAX_KEYS))) {
                Map<String, QueryParameterValue> fields = new LinkedHashMap<>();
                put(fields, key, values);
                structs.add(QueryParameterValue.struct(fields));
            }
            statements.add(new Statement(sql, List.of(arrayOf(structs))));
        }
    }

    private void insert(TableChanges.Columns columns, List<Object[]> rows) throws SQLException {
        String head = "INSERT INTO " + changes.table() + " (" + String.join(", ", columns.names()) + ") VALUES ";
        String row = "(" + "?, ".repeat(columns.names().size() - 1) + "?)";
        int perStatement = Math.max(1, MAX_PARAMETERS / columns.names().size());
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            List<QueryParameterValue> parameters = new ArrayList<>();
            for (Object[] values : chunk) {
                parameters.addAll(parameters(columns, values));
            }
            statements.add(new Statement(head + String.join(", ", Collections.nCopies(chunk.size(), row)), parameters));
        }
    }

    private void merge(TableChanges.Columns set, List<TableChanges.Update> rows) throws SQLException {
        TableChanges.Columns key = changes.key();
        int setSize = set.names().size();
        String on = IntStream.range(0, key.names().size())
                .mapToObj(i -> "T." + key.names().get(i) + " = S.f" + (setSize + i)).collect(Collectors.joining(" AND "));
        String assignments = IntStream.range(0, setSize).mapToObj(i -> set.names().get(i) + " = S.f" + i)
                .collect(Collectors.joining(", "));
        String sql = "MERGE " + changes.table() + " AS T USING UNNEST(?) AS S ON " + on + " WHEN MATCHED THEN UPDATE SET "
                + assignments;
        for (int from = 0; from < rows.size(); from += MAX_KEYS) {
            List<QueryParameterValue> structs = new ArrayList<>();
            for (TableChanges.Update update : rows.subList(from, Math.min(rows.size(), from + MAX_KEYS))) {
                Map<String, QueryParameterValue> fields = new LinkedHashMap<>();
                put(fields, set, update.values());
                put(fields, key, update.key());
                structs.add(QueryParameterValue.struct(fields));
            }
            statements.add(new Statement(sql, List.of(arrayOf(structs))));
        }
    }

    private void updateRowByRow(TableChanges.Columns set, List<TableChanges.Update> rows) throws SQLException {
        TableChanges.Columns key = changes.key();
        String sql = dialect.update(changes.table(), set,
                key.names().stream().map(name -> name + " = ?").collect(Collectors.joining(" AND ")));
        for (TableChanges.Update update : rows) {
            List<QueryParameterValue> parameters = parameters(set, update.values());
            parameters.addAll(parameters(key, update.key()));
            statements.add(new Statement(sql, parameters));
        }
    }

    private static List<QueryParameterValue> parameters(TableChanges.Columns columns, Object[] values) throws SQLException {
        List<QueryParameterValue> parameters = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            parameters.add(BigQueryParameters.of(columns.types().get(i), values[i]));
        }
        return parameters;
    }

    /** Adds {@code values} as struct fields {@code f<n>}, numbered on from those already there. */
    private static void put(Map<String, QueryParameterValue> fields, TableChanges.Columns columns, Object[] values)
            throws SQLException {
        for (QueryParameterValue value : parameters(columns, values)) {
            fields.put("f" + fields.size(), value);
        }
    }

    private static QueryParameterValue arrayOf(List<QueryParameterValue> structs) {
        return QueryParameterValue.newBuilder().setType(StandardSQLTypeName.ARRAY).setArrayType(StandardSQLTypeName.STRUCT)
                .setArrayValues(structs).build();
    }
}
