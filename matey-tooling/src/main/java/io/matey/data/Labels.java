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
 * @param codes          the numbers the database also takes for the labels (ClickHouse's enum values); null if none
 */
public record Labels(List<String> values, boolean caseSensitive, boolean commaSeparated, Codes codes) {

    public Labels {
        values = List.copyOf(values);
    }

    public Labels(List<String> values, boolean caseSensitive, boolean commaSeparated) {
        this(values, caseSensitive, commaSeparated, null);
    }

    /**
     * The number of each label, in the labels' order, which the database would store as that label (ClickHouse reads
     * {@code 1} as an {@code Enum8}'s label of value 1, MySQL as an {@code ENUM}'s label of index 1): a file gives the
     * label, as export writes it, so a number is refused naming the label to write.
     *
     * @param type the type's name for messages ({@code Enum8}, {@code ENUM})
     * @param word what the type calls a label's number ({@code value}, {@code index})
     */
    public record Codes(String type, String word, List<Long> values) {

        public Codes {
            values = List.copyOf(values);
        }

        /** Numbers the type calls values (ClickHouse's {@code Enum8('a' = 1)}). */
        public Codes(String type, List<Long> values) {
            this(type, "value", values);
        }

        private String named() {
            return type + " " + word;
        }
    }

    /**
     * The refusal of {@code number}, given in a file for a label (as {@code shown}: a JSON number, or a string of its
     * digits), naming the label to write where it has one.
     */
    ValueException number(long number, String shown) {
        int label = codes == null ? -1 : codes.values().indexOf(number);
        if (label < 0) {
            return new ValueException("expected one of its labels, a string, got " + shown + (codes == null ? ""
                    : ", which is no " + codes.named()) + ": write one of " + listed());
        }
        return new ValueException("expected one of its labels, a string, got " + shown + ": write "
                + PythonJson.value(values.get(label)) + " (" + codes.named() + " " + number + "), as export "
                + "writes it");
    }

    /**
     * The value as the column holds it, so that an unchanged file compares equal: each label in its declared
     * spelling ({@code OLD} is {@code old} under a case-insensitive collation), a set's members once each, in declared
     * order ({@code c,a} is {@code a,c}).
     */
    String canonical(String value) throws ValueException {
        if (!commaSeparated) {
            int label = labelIndex(value);
            if (label < 0) {
                throw codes != null && value.matches("-?\\d{1,18}")
                        ? number(Long.parseLong(value), PythonJson.value(value))
                        : new ValueException(PythonJson.value(value) + " is not one of its values " + listed());
            }
            return values.get(label);
        }
        boolean[] members = new boolean[values.size()];
        for (String member : value.isEmpty() ? new String[0] : value.split(",", -1)) {
            int label = labelIndex(member);
            if (label < 0) {
                throw new ValueException(PythonJson.value(value) + " has member " + PythonJson.value(member)
                        + ", which is not one of its values " + listed());
            }
            members[label] = true;
        }
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < members.length; i++) {
            if (members[i]) {
                set.append(set.length() == 0 ? "" : ",").append(values.get(i));
            }
        }
        return set.toString();
    }

    private int labelIndex(String text) {
        for (int i = 0; i < values.size(); i++) {
            if (caseSensitive ? text.equals(values.get(i)) : text.equalsIgnoreCase(values.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private String listed() {
        return values.stream().map(PythonJson::value).collect(Collectors.joining(", "));
    }
}
