package io.matey.engine.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Views that no longer read what exists. MySQL and MariaDB do not rewrite a view when a table, column or function
 * it reads is renamed or dropped, and {@code SHOW CREATE VIEW} still prints it, so its dump would name what is
 * gone and fail only when loaded. {@code CHECK TABLE} reports each such view with the object it misses (on
 * MariaDB 10.11 and 11.4 alike), and the dump fails naming them, as it does for objects it cannot render
 * (docs/architecture.md §5), except a live database's report, which leaves them out (the server may not even
 * print them) and names them as findings (§7). CHECK TABLE commits implicitly; no dump runs inside a transaction.
 */
final class InvalidViews {

    /** The generic message each invalid view adds after the one naming what it misses. */
    private static final String GENERIC = "references invalid table(s) or column(s) or function(s)";

    private InvalidViews() {
    }

    /**
     * @param unloadable told of each invalid view, for a report; null: the dump fails instead
     * @return the invalid views, which a report leaves out
     */
    static Set<String> check(Connection connection, String database, List<String> views, Consumer<String> unloadable)
            throws SQLException {
        if (views.isEmpty()) {
            return Set.of();
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String sql = "CHECK TABLE " + views.stream().map(Backticks::quote).collect(Collectors.joining(", "));
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String text = rs.getString("Msg_text");
                if (rs.getString("Msg_type").equalsIgnoreCase("error") && !text.equals("Corrupt")) {
                    errors.computeIfAbsent(rs.getString("Table"), k -> new ArrayList<>()).add(text);
                }
            }
        }
        if (errors.isEmpty()) {
            return Set.of();
        }
        List<String> described = new ArrayList<>();
        Set<String> invalid = new HashSet<>();
        errors.forEach((table, texts) -> {
            String view = unqualified(table, database);
            invalid.add(view);
            described.add("MySQL view " + Backticks.quote(view) + " reads what does not exist: "
                    + unqualified(specific(texts), database));
        });
        if (unloadable != null) {
            described.forEach(unloadable);
            return invalid;
        }
        throw new SQLException(String.join("; ", described) + ". The server does not rewrite a view when what it reads"
                + " is renamed or dropped, so the dump would not load: re-create the view (CREATE OR REPLACE VIEW) or"
                + " drop it in the migration that changes what it reads.");
    }

    /** The messages naming what the view misses, without the generic one when there are others. */
    private static String specific(List<String> texts) {
        List<String> specific = texts.stream().filter(text -> !text.contains(GENERIC)).toList();
        return String.join(", ", specific.isEmpty() ? texts : specific);
    }

    /** Without the dumped database's qualifier, which the server puts before every name it reports. */
    private static String unqualified(String text, String database) {
        return text.replace(database + ".", "");
    }
}
