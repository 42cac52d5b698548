package io.matey.migration;

import java.util.List;

/**
 * The up or down part of a migration file.
 *
 * @param kind        {@code up} or {@code down}
 * @param sql         the section's text (directive line excluded)
 * @param firstLine   1-based line of the file where {@code sql} starts
 * @param transaction false when the directive carries {@code transaction:false}
 * @param markerLine  line of the directive, or 0 when the section has no directive (text before any marker)
 */
public record Section(String kind, String sql, int firstLine, boolean transaction, int markerLine) {

    public static Section absent(String kind) {
        return new Section(kind, "", 0, true, 0);
    }

    public List<SqlStatement> statements(SqlDialect dialect) {
        return new StatementSplitter(dialect).split(sql, Math.max(firstLine, 1));
    }

    public boolean isExecutable(SqlDialect dialect) {
        return !statements(dialect).isEmpty();
    }

    public boolean isPresent() {
        return markerLine > 0 || !sql.isBlank();
    }
}
