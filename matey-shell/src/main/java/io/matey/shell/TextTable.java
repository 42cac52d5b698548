package io.matey.shell;

import java.util.ArrayList;
import java.util.List;

/** A borderless table: a header row and value rows, columns padded to their widest cell. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object v : values) {
            row.add(String.valueOf(v));
        }
        rows.add(row);
        return this;
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, widths);
        rows.forEach(row -> line(sb, row, widths));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i + 1 < cells.size() ? String.format("%-" + widths[i] + "s  ", cells.get(i)) : cells.get(i));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
