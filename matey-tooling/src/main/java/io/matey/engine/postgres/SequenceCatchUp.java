package io.matey.engine.postgres;

import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows inserted with explicit ids leave serial and identity sequences behind, so the application's next insert
 * would collide. After data apply inserts into a table, each of its sequences moves to the largest value present.
 */
final class SequenceCatchUp {

    private SequenceCatchUp() {
    }

    /** @param quotedTable the table as SQL names it, quoted and qualified by its schema */
    static void afterInsert(Connection connection, String quotedTable) throws SQLException {
        List<String[]> sequences = new ArrayList<>();
        Rows.forEach(connection, "SELECT a.attname, pg_get_serial_sequence(" + literal(quotedTable) + ", a.attname) "
                + "FROM pg_attribute a WHERE a.attrelid = " + literal(quotedTable) + "::regclass "
                + "AND a.attnum > 0 AND NOT a.attisdropped", rs -> {
                    if (rs.getString(2) != null) {
                        sequences.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                });
        for (String[] sequence : sequences) {
            String column = TemplateCache.quote(sequence[0]);
            try (PreparedStatement ps = connection.prepareStatement("SELECT setval(?, m) FROM (SELECT max(" + column
                    + ") AS m FROM " + quotedTable + ") AS t WHERE m IS NOT NULL")) {
                ps.setString(1, sequence[1]);
                ps.execute();
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
