package io.matey.engine.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableConstraints;
import com.google.cloud.bigquery.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declared primary keys ({@code PRIMARY KEY (...) NOT ENFORCED}), which data sets match rows by when a file names
 * no {@code on} and codegen models carry (docs/architecture.md §3). BigQuery lists them in
 * {@code INFORMATION_SCHEMA.KEY_COLUMN_USAGE}: a primary key's columns are the rows without a
 * {@code position_in_unique_constraint} (a foreign key's have one). The emulator keeps no such views, so there the
 * key comes from the tables API's {@code tableConstraints}; an emulator that leaves those out shows no key.
 */
final class BigQueryKeys {

    private BigQueryKeys() {
    }

    /** The primary key of one table, in key order; empty when it declares none. */
    static List<String> of(BigQueryDataset dataset, String table) {
        if (dataset.url().emulator()) {
            return fromTablesApi(dataset, table);
        }
        return fromInformationSchema(dataset, " WHERE table_name = ?", List.of(QueryParameterValue.string(table)))
                .getOrDefault(table, List.of());
    }

    /** The primary keys of these tables of the dataset, by table name; a table without one is left out. */
    static Map<String, List<String>> of(BigQueryDataset dataset, List<String> tables) {
        if (!dataset.url().emulator()) {
            return fromInformationSchema(dataset, "", List.of());
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> key = fromTablesApi(dataset, table);
            if (!key.isEmpty()) {
                keys.put(table, key);
            }
        }
        return keys;
    }

    private static Map<String, List<String>> fromInformationSchema(BigQueryDataset dataset, String where,
            List<QueryParameterValue> parameters) {
        String view = "`" + dataset.url().project() + "`.`" + dataset.url().dataset() + "`.INFORMATION_SCHEMA.KEY_COLUMN_USAGE";
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (FieldValueList row : dataset.execute("SELECT table_name, column_name, position_in_unique_constraint FROM "
                + view + where + " ORDER BY table_name, ordinal_position", parameters).iterateAll()) {
            if (row.get(2).isNull()) {
                keys.computeIfAbsent(row.get(0).getStringValue(), t -> new ArrayList<>()).add(row.get(1).getStringValue());
            }
        }
        return keys;
    }

    private static List<String> fromTablesApi(BigQueryDataset dataset, String table) {
        Table found = dataset.client().getTable(TableId.of(dataset.url().project(), dataset.url().dataset(), table));
        TableConstraints constraints = found == null ? null : found.getTableConstraints();
        return constraints == null || constraints.getPrimaryKey() == null ? List.of()
                : List.copyOf(constraints.getPrimaryKey().getColumns());
    }
}
