package io.matey.shell;

import java.util.ArrayList;
import java.util.List;

/** A borderless table: a header row and value rows, columns padded to their widest cell in terminal cells
 * (colour aside, a wide character two). */
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
            widths[i] = Style.displayWidth(header.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], Style.displayWidth(row.get(i)));
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
            String cell = cells.get(i);
            line.append(cell);
            if (i + 1 < cells.size()) {
                line.append(" ".repeat(widths[i] - Style.displayWidth(cell) + 2));
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
