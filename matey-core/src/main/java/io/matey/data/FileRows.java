package io.matey.data;

import io.matey.MateyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Converts a data file's JSON objects into {@link Row}s of its live table, refusing what the table cannot take. */
final class FileRows {

    private final DataFile file;
    private final Path path;
    private final LiveTable table;
    private final ValueDecoder decoder;

    FileRows(DataFile file, Path path, LiveTable table, ValueDecoder decoder) {
        this.file = file;
        this.path = path;
        this.table = table;
        this.decoder = decoder;
    }

    List<Row> convert(List<JsonlFile.Line> lines) {
        checkColumns(lines);
        Map<List<Column>, List<Column>> shapes = new HashMap<>();
        List<Row> rows = new ArrayList<>(lines.size());
        for (JsonlFile.Line line : lines) {
            List<Column> columns = new ArrayList<>(line.object().size());
            for (Column column : table.dataColumns()) {
                if (line.object().has(column.name())) {
                    columns.add(column);
                }
            }
            columns = shapes.computeIfAbsent(columns, c -> c);
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = decode(line, columns.get(i));
            }
            rows.add(new Row(line.number(), columns, values));
        }
        return rows;
    }

    private Object decode(JsonlFile.Line line, Column column) {
        try {
            return decoder.decode(line.object().get(column.name()), column.type());
        } catch (ValueException e) {
            throw new MateyException("Data file " + path + ":" + line.number() + ": column '" + column.name() + "' ("
                    + column.type().label() + "): " + e.getMessage() + ".");
        }
    }

    /** Every unknown (or generated) column of the whole file in one message, as Python matey reports them. */
    private void checkColumns(List<JsonlFile.Line> lines) {
        Set<String> unknown = new TreeSet<>();
        Set<String> generated = new TreeSet<>();
        int first = 0;
        for (JsonlFile.Line line : lines) {
            for (Iterator<String> names = line.object().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Column column = table.columns().get(name);
                if (column == null || column.generated()) {
                    (column == null ? unknown : generated).add(name);
                    first = first == 0 ? line.number() : first;
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new MateyException("Data file '" + file.name() + "' contains unknown column(s): " + quoted(unknown)
                    + " (table '" + table.name() + "'; first at " + path + ":" + first + ").");
        }
        if (!generated.isEmpty()) {
            throw new MateyException("Data file '" + file.name() + "' writes generated column(s): " + quoted(generated)
                    + " (table '" + table.name() + "' computes them; first at " + path + ":" + first + ").");
        }
    }

    static String quoted(Collection<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
