package io.matey.data;

import java.util.List;

/**
 * One entry of a data set: the JSONL file {@code data/<name>.jsonl} and the table it holds.
 *
 * @param name    the manifest name without {@code .jsonl}, a relative path such as {@code roles} or {@code demo/users}
 * @param table   a plain identifier, quoted wherever it goes into SQL
 * @param on      the key columns (required for upsert, optional otherwise); empty when absent
 * @param orderBy the export order; empty when absent
 */
public record DataFile(String name, String table, DataMode mode, List<String> on, List<String> orderBy) {

    public DataFile {
        on = List.copyOf(on);
        orderBy = List.copyOf(orderBy);
    }

    /** The file's target-relative path. */
    public String path() {
        return DataManifest.DATA_DIR + "/" + name + ".jsonl";
    }

    /** The columns export sorts by: {@code order_by}, else {@code on}; empty when neither is given. */
    List<String> exportOrder() {
        return orderBy.isEmpty() ? on : orderBy;
    }
}
