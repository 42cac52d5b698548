package io.matey.engine.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.ValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arrays of a {@code Nested} column ({@code n Nested(x UInt8, y String)} is the columns {@code n.x} and
 * {@code n.y}), which ClickHouse holds at one length per row: it takes arrays named {@code n.<field>} as one nested
 * structure, whatever declared them. An insert of arrays of other lengths fails once earlier files are written, and
 * such an update is a mutation that fails and stays queued, holding back every later mutation of the table, so a
 * row is refused by its line before anything is written unless it writes all of a structure's arrays, each of the
 * same length (README "Data sets on ClickHouse").
 */
final class ClickHouseNestedArrays implements DataDialect.RowCheck {

    /** Each structure's arrays, by the name before the dot, for structures of two arrays or more. */
    private final Map<String, List<String>> structures;

    private ClickHouseNestedArrays(Map<String, List<String>> structures) {
        this.structures = structures;
    }

    /** The check of a table with {@code columns}, or null when it has no nested structure. */
    static ClickHouseNestedArrays of(Map<String, ColumnType> columns, ClickHouseDataTypes types) {
        Map<String, List<String>> structures = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> column : columns.entrySet()) {
            int dot = column.getKey().indexOf('.');
            if (dot > 0 && types.valueType(column.getValue().label()).name().equals("Array")) {
                String structure = column.getKey().substring(0, dot);
                structures.putIfAbsent(structure, new ArrayList<>());
                structures.get(structure).add(column.getKey());
            }
        }
        structures.values().removeIf(arrays -> arrays.size() < 2);
        return structures.isEmpty() ? null : new ClickHouseNestedArrays(structures);
    }

    @Override
    public void check(List<String> names, Object[] values) throws ValueException {
        for (Map.Entry<String, List<String>> structure : structures.entrySet()) {
            String first = null;
            int length = 0;
            for (String array : structure.getValue()) {
                int index = names.indexOf(array);
                if (index < 0) {
                    if (first != null || anyOf(structure.getValue(), names)) {
                        throw new ValueException("the row writes some of the arrays of Nested '" + structure.getKey()
                                + "' but not '" + array + "': ClickHouse holds them at one length per row, so write "
                                + "all of " + quoted(structure.getValue()) + ", each with the same number of elements");
                    }
                    break;
                }
                int size = size(values[index]);
                if (first == null) {
                    first = array;
                    length = size;
                } else if (size != length) {
                    throw new ValueException("column '" + array + "' has " + size + " element(s) and '" + first + "' "
                            + length + ": they are arrays of Nested '" + structure.getKey() + "', which ClickHouse holds"
                            + " at one length per row; write each of them with the same number of elements");
                }
            }
        }
    }

    private static boolean anyOf(List<String> arrays, List<String> names) {
        for (String array : arrays) {
            if (names.contains(array)) {
                return true;
            }
        }
        return false;
    }

    /** An array decoded as a list, or as JSON where its elements are (Variant, JSON). */
    private static int size(Object value) {
        return value instanceof List<?> list ? list.size() : value instanceof JsonNode node ? node.size() : 0;
    }

    private static String quoted(List<String> arrays) {
        List<String> quoted = new ArrayList<>();
        for (String array : arrays) {
            quoted.add("'" + array + "'");
        }
        return String.join(", ", quoted);
    }
}
