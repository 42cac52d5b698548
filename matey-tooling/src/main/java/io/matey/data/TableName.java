package io.matey.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table a data file's manifest entry names: {@code Order Notes}, or {@code app.Order Notes} with the schema
 * written before the one dot, each part as the database spells it. A part holding a dot, or starting with a double
 * quote, is written in double quotes with each inner one doubled ({@code "a.b"}); see docs/architecture.md §3 "Data
 * dialect". Each part is quoted by the engine wherever it goes into SQL.
 *
 * @param schema the schema the manifest names; null when it names none (the database resolves the name)
 */
public record TableName(String schema, String name) {

    /** The name {@code text} writes; empty when it has no part, more than two, an empty part or an open quote. */
    static Optional<TableName> parse(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        return Optional.empty();
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        part.append(c);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        part.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
            } else {
                while (i < text.length() && text.charAt(i) != '.') {
                    part.append(text.charAt(i++));
                }
            }
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.toString());
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i++) != '.') {
                return Optional.empty();
            }
        }
        return switch (parts.size()) {
            case 1 -> Optional.of(new TableName(null, parts.get(0)));
            case 2 -> Optional.of(new TableName(parts.get(0), parts.get(1)));
            default -> Optional.empty();
        };
    }

    /** The table as SQL names it: each part quoted. */
    public String quoted(DataDialect dialect) {
        return schema == null ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
    }

    /** As the manifest writes it, so that a message's spelling reads back as the same table. */
    @Override
    public String toString() {
        return schema == null ? written(name) : written(schema) + "." + written(name);
    }

    private static String written(String part) {
        return part.indexOf('.') < 0 && !part.startsWith("\"") ? part : "\"" + part.replace("\"", "\"\"") + "\"";
    }
}
