package io.matey.data;

import io.matey.error.MateyException;
import java.util.List;

/**
 * One entry of a data set: the JSONL file {@code data/<name>.jsonl} and the table it holds.
 *
 * @param name    the manifest name without {@code .jsonl}, a relative path such as {@code roles} or {@code demo/users}
 * @param table   the table, as the manifest names it
 * @param on      the key columns; empty when absent (upsert and replace then match by the primary key)
 * @param orderBy the export order; empty when absent
 * @param entry   where the manifest lists it, for messages: {@code <data.toml>:<line>: data set 'core', file 2}
 */
public record DataFile(String name, TableName table, DataMode mode, List<String> on, List<String> orderBy, String entry) {

    public DataFile {
        on = List.copyOf(on);
        orderBy = List.copyOf(orderBy);
    }

    /** The file's target-relative path. */
    public String path() {
        return DataManifest.DATA_DIR + "/" + name + ".jsonl";
    }

    /** The columns export sorts by: {@code order_by}, else {@code on}, else the table's primary key. */
    List<String> exportOrder(LiveTable table) {
        List<String> order = orderBy.isEmpty() ? on : orderBy;
        if (order.isEmpty() && table.primaryKey().isEmpty()) {
            throw new MateyException(entry + ": data file '" + name + "' needs order_by for a deterministic export: "
                    + "table '" + table.name() + "' has no primary key to order its rows by. Add order_by = [\"<column>\", "
                    + "...] (columns that tell the rows apart) to this entry.");
        }
        return order.isEmpty() ? table.primaryKey() : order;
    }
}
