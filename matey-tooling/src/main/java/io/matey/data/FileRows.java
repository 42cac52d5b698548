package io.matey.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads a data file into {@link Row}s of its live table, refusing what the table cannot take. */
final class FileRows {

    private final DataFile file;
    private final Path path;
    private final LiveTable table;
    private final ValueDecoder decoder;
    private final DataDialect.RowCheck rowCheck;
    /** Position in the table's data columns, by name. */
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<BitSet, List<Column>> shapes = new HashMap<>();
    private final Set<String> unknown = new TreeSet<>();
    private final Set<String> generated = new TreeSet<>();
    private int firstUnwritable;
    /** The last converted line's layout: consecutive lines mostly name the same columns in the same order. */
    private Layout layout;

    /**
     * How a line naming {@code names} becomes a row: the column of each name, the row's columns (and their names) in
     * table order, and the index in the row's values of each name.
     */
    private record Layout(List<String> names, Column[] columns, List<Column> shape, List<String> shapeNames, int[] slots) {
    }

    FileRows(DataFile file, Path path, LiveTable table, ValueDecoder decoder) {
        this.file = file;
        this.path = path;
        this.table = table;
        this.decoder = decoder;
        this.rowCheck = decoder.rowCheck(table);
        for (int i = 0; i < table.dataColumns().size(); i++) {
            positions.put(table.dataColumns().get(i).name(), i);
        }
    }

    /** Reads the file; every unknown (or generated) column of the whole file is named in one message. */
    List<Row> convert() {
        List<Row> rows = new ArrayList<>();
        JsonlFile.read(path, file.entry(), line -> {
            if (known(line)) {
                rows.add(row(line));
            }
        });
        if (!unknown.isEmpty()) {
            throw new MateyException(path + ":" + firstUnwritable + ": data file '" + file.name() + "' contains unknown "
                    + "column(s): " + quoted(unknown) + " (table '" + table.name() + "'; first on this line).");
        }
        if (!generated.isEmpty()) {
            throw new MateyException(path + ":" + firstUnwritable + ": data file '" + file.name() + "' writes generated "
                    + "column(s): " + quoted(generated) + " (table '" + table.name() + "' computes them; first on this line).");
        }
        return rows;
    }

    /** Notes the line's columns the table cannot take; true while the file has none, so rows are worth converting. */
    private boolean known(JsonlFile.Line line) {
        if (sameLayout(line)) {
            return firstUnwritable == 0;
        }
        for (String name : line.names()) {
            Column column = table.columns().get(name);
            if (column == null || column.generated()) {
                (column == null ? unknown : generated).add(name);
                firstUnwritable = firstUnwritable == 0 ? line.number() : firstUnwritable;
            }
        }
        return firstUnwritable == 0;
    }

    /** Values go into table order; rows naming the same columns share one column list. */
    private Row row(JsonlFile.Line line) {
        if (!sameLayout(line)) {
            layout = layout(line.names());
        }
        Object[] values = new Object[layout.shape().size()];
        for (int i = 0; i < layout.slots().length; i++) {
            values[layout.slots()[i]] = decode(line.number(), layout.columns()[i], line.values().get(i));
        }
        if (rowCheck != null) {
            try {
                rowCheck.check(layout.shapeNames(), values);
            } catch (ValueException e) {
                throw new MateyException(path + ":" + line.number() + ": " + e.getMessage() + ".");
            }
        }
        return new Row(line.number(), layout.shape(), values);
    }

    /** Whether the line names the columns of the last converted one, in the same order (so it is known, too). */
    private boolean sameLayout(JsonlFile.Line line) {
        return layout != null && line.names().equals(layout.names());
    }

    /** Where the values of a line naming {@code names}, in that order, go. */
    private Layout layout(List<String> names) {
        Column[] columns = new Column[names.size()];
        BitSet present = new BitSet(positions.size());
        for (int i = 0; i < columns.length; i++) {
            int position = positions.get(names.get(i));
            columns[i] = table.dataColumns().get(position);
            present.set(position);
        }
        List<Column> shape = shapes.computeIfAbsent(present,
                p -> p.stream().mapToObj(table.dataColumns()::get).toList());
        int[] slots = new int[columns.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = present.get(0, positions.get(names.get(i))).cardinality();
        }
        return new Layout(names, columns, shape, shape.stream().map(Column::name).toList(), slots);
    }

    private Object decode(int line, Column column, JsonNode value) {
        try {
            return decoder.decode(value, column.type());
        } catch (ValueException e) {
            throw new MateyException(path + ":" + line + ": column '" + column.name() + "' ("
                    + column.type().label() + "): " + e.getMessage() + ".");
        }
    }

    static String quoted(Collection<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
