package io.matey.data;

import java.util.List;
import java.util.Map;

/**
 * A data file whose rows have been read and checked against its live table, ready to write.
 *
 * @param key       the key rows are matched by; null to insert every row (insert mode, or replace without a key)
 * @param immutable the columns outside the key that rows name and an update cannot set, each with why
 *                  ({@link DataDialect#immutableColumns}); empty without a key
 * @param version   the key column that is a version of its row ({@link DataDialect#versionOfRow}), so that a row
 *                  keyed by the rest of the key with another version is the same row; null when there is none
 */
record CheckedFile(DataFile file, LiveTable table, List<Row> rows, RowKey key, Map<Column, String> immutable,
        Column version) {
}
