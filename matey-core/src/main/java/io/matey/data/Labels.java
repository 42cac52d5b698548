package io.matey.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The only texts a column holds: an enum's labels, or a set's, whose value is a comma-separated list of them.
 * Checked while files are read, so a bad value is named by its file and line before anything is written.
 *
 * @param values         the labels in declared order
 * @param caseSensitive  PostgreSQL compares labels exactly; MySQL by the column's collation, case-insensitive by default
 * @param commaSeparated a MySQL {@code SET}: each comma-separated member must be a label (empty is the empty set)
 */
public record Labels(List<String> values, boolean caseSensitive, boolean commaSeparated) {

    public Labels {
        values = List.copyOf(values);
    }

    void check(String value) throws ValueException {
        if (!commaSeparated) {
            if (!isLabel(value)) {
                throw new ValueException(PythonJson.value(value) + " is not one of its values " + listed());
            }
            return;
        }
        for (String member : value.isEmpty() ? new String[0] : value.split(",", -1)) {
            if (!isLabel(member)) {
                throw new ValueException(PythonJson.value(value) + " has member " + PythonJson.value(member)
                        + ", which is not one of its values " + listed());
            }
        }
    }

    private boolean isLabel(String text) {
        return values.stream().anyMatch(caseSensitive ? text::equals : text::equalsIgnoreCase);
    }

    private String listed() {
        return values.stream().map(PythonJson::value).collect(Collectors.joining(", "));
    }
}
