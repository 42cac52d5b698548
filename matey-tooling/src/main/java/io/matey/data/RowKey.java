package io.matey.data;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns that identify a row for upsert and replace (one or several: composite keys work on every engine).
 * Rows are matched first by the JSON text of their key values, which is the same for a value read from the database
 * and the same value decoded from a file; keys the database holds equal though spelled otherwise are matched by
 * the database ({@link DatabaseKeys}).
 */
record RowKey(List<Column> columns) {

    Object[] values(Row row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.value(columns.get(i));
        }
        return values;
    }

    /** The key as JSON text, such as {@code [1, "admin"]}. */
    static String text(Object[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            PythonJson.value(out, values[i]);
        }
        return out.append(']').toString();
    }

    /** Key values without the one at {@code at} (a row's version, {@link CheckedFile#version}). */
    static Object[] without(Object[] values, int at) {
        Object[] rest = new Object[values.length - 1];
        System.arraycopy(values, 0, rest, 0, at);
        System.arraycopy(values, at + 1, rest, at, rest.length - at);
        return rest;
    }

    /** The error for two rows whose keys differ as the file spells them but that the database holds equal. */
    MateyException equalKeys(Path path, Row earlier, Row later) {
        return new MateyException(path + ":" + later.line() + ": the row's key " + text(values(later))
                + " equals the key " + text(values(earlier)) + " of line " + earlier.line()
                + " as the database compares them (its collation or the column's type), so both rows would be one. "
                + "Keep one of the two lines.");
    }

    /**
     * No two rows may be versions of one row ({@code version} aside, the same key): the table keeps one of them, so
     * the other would differ from it at every apply.
     */
    void checkOneVersion(List<Row> rows, Column version, Path path, String table) {
        int at = columns.indexOf(version);
        List<Column> named = columns.stream().filter(c -> c != version).toList();
        Map<String, Integer> seen = new HashMap<>(rows.size() * 2);
        for (Row next : rows) {
            String key = text(without(values(next), at));
            Integer earlier = seen.putIfAbsent(key, next.line());
            if (earlier != null) {
                throw new MateyException(path + ":" + next.line() + ": the row is another '" + version.name()
                        + "' of the row of line " + earlier + " (" + named.stream().map(Column::name).toList() + " = "
                        + key + "), and table '" + table + "' keeps one version of a row. Keep one of the two lines "
                        + "(the version the table should hold).");
            }
        }
    }

    /** Every row must carry its key, and no two rows the same one. */
    void check(List<Row> rows, Path path) {
        Map<Object, Integer> seen = new HashMap<>(rows.size() * 2);
        for (Row row : rows) {
            for (Column column : columns) {
                if (!row.has(column)) {
                    throw new MateyException(path + ":" + row.line() + ": the row lacks key column '"
                            + column.name() + "'.");
                }
                if (row.value(column) == null) {
                    throw new MateyException(path + ":" + row.line() + ": the row has null in key column '"
                            + column.name() + "', and rows are matched by their key, where null equals nothing. Give "
                            + "it a value, or key the data file by columns that hold none (on = [...] in its "
                            + "data/data.toml entry).");
                }
            }
            Integer earlier = seen.putIfAbsent(identity(row), row.line());
            if (earlier != null) {
                throw new MateyException(path + ":" + row.line() + ": the row repeats the key " + text(values(row))
                        + " of line " + earlier + ".");
            }
        }
    }

    /** A key's JSON text, told apart from a one-column key's own value. */
    private record Spelled(String text) {
    }

    /**
     * What tells the file's keys apart, equal exactly when their JSON texts are: a one-column key's Long or String
     * itself, else the text. No other value the decoder gives a column is spelled as an integer or a string of
     * that column (a BigInteger lies beyond the longs, an untyped column's float has a point or exponent). Every row
     * of a first apply has its key checked, and the text of each was most of that.
     */
    private Object identity(Row row) {
        if (columns.size() == 1) {
            Object value = row.value(columns.get(0));
            if (value instanceof Long || value instanceof String) {
                return value;
            }
        }
        return new Spelled(text(values(row)));
    }
}
