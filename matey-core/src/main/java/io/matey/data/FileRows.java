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
    /** Position in the table's data columns, by name. */
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<BitSet, List<Column>> shapes = new HashMap<>();
    private final Set<String> unknown = new TreeSet<>();
    private final Set<String> generated = new TreeSet<>();
    private int firstUnwritable;

    FileRows(DataFile file, Path path, LiveTable table, ValueDecoder decoder) {
        this.file = file;
        this.path = path;
        this.table = table;
        this.decoder = decoder;
        for (int i = 0; i < table.dataColumns().size(); i++) {
            positions.put(table.dataColumns().get(i).name(), i);
        }
    }

    /** Reads the file; every unknown (or generated) column of the whole file is named in one message. */
    List<Row> convert() {
        List<Row> rows = new ArrayList<>();
        JsonlFile.read(path, line -> {
            if (known(line)) {
                rows.add(row(line));
            }
        });
        if (!unknown.isEmpty()) {
            throw new MateyException("Data file '" + file.name() + "' contains unknown column(s): " + quoted(unknown)
                    + " (table '" + table.name() + "'; first at " + path + ":" + firstUnwritable + ").");
        }
        if (!generated.isEmpty()) {
            throw new MateyException("Data file '" + file.name() + "' writes generated column(s): " + quoted(generated)
                    + " (table '" + table.name() + "' computes them; first at " + path + ":" + firstUnwritable + ").");
        }
        return rows;
    }

    /** Notes the line's columns the table cannot take; true while the file has none, so rows are worth converting. */
    private boolean known(JsonlFile.Line line) {
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
        Object[] byPosition = new Object[positions.size()];
        BitSet present = new BitSet(positions.size());
        for (int i = 0; i < line.names().size(); i++) {
            int position = positions.get(line.names().get(i));
            Column column = table.dataColumns().get(position);
            byPosition[position] = decode(line.number(), column, line.values().get(i));
            present.set(position);
        }
        List<Column> columns = shapes.computeIfAbsent(present,
                p -> p.stream().mapToObj(table.dataColumns()::get).toList());
        Object[] values = new Object[columns.size()];
        int next = 0;
        for (int position = present.nextSetBit(0); position >= 0; position = present.nextSetBit(position + 1)) {
            values[next++] = byPosition[position];
        }
        return new Row(line.number(), columns, values);
    }

    private Object decode(int line, Column column, JsonNode value) {
        try {
            return decoder.decode(value, column.type());
        } catch (ValueException e) {
            throw new MateyException("Data file " + path + ":" + line + ": column '" + column.name() + "' ("
                    + column.type().label() + "): " + e.getMessage() + ".");
        }
    }

    static String quoted(Collection<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
