package io.matey.data;

import java.util.List;

/**
 * A row of a data file as values of its table's columns.
 *
 * @param line    where the row is in its file
 * @param columns the columns the row names, in table order; rows naming the same columns share one list
 * @param values  the values, aligned with {@code columns}
 */
record Row(int line, List<Column> columns, Object[] values) {

    /** The value of {@code column}; absent columns read as null, so check {@link #has} where it matters. */
    Object value(Column column) {
        int index = columns.indexOf(column);
        return index < 0 ? null : values[index];
    }

    boolean has(Column column) {
        return columns.contains(column);
    }
}
