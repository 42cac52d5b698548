package io.matey.migration;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The up or down part of a migration file. Its statements are split once per dialect and kept, as its migration's
 * script is ({@link Migration#script()}).
 */
public final class Section {

    private final String kind;
    private final String sql;
    private final int firstLine;
    private final boolean transaction;
    private final int markerLine;
    private volatile Split split;

    /** The statements as one dialect splits them. */
    private record Split(SqlDialect dialect, List<SqlStatement> statements) {
    }

    /**
     * @param kind        {@code up} or {@code down}
     * @param sql         the section's text (directive line excluded)
     * @param firstLine   1-based line of the file where {@code sql} starts
     * @param transaction false when the directive carries {@code transaction:false}
     * @param markerLine  line of the directive, or 0 when the section has no directive (text before any marker)
     */
    public Section(String kind, String sql, int firstLine, boolean transaction, int markerLine) {
        this.kind = Objects.requireNonNull(kind);
        this.sql = Objects.requireNonNull(sql);
        this.firstLine = firstLine;
        this.transaction = transaction;
        this.markerLine = markerLine;
    }

    public static Section absent(String kind) {
        return new Section(kind, "", 0, true, 0);
    }

    public String kind() {
        return kind;
    }

    public String sql() {
        return sql;
    }

    public int firstLine() {
        return firstLine;
    }

    public boolean transaction() {
        return transaction;
    }

    public int markerLine() {
        return markerLine;
    }

    /** The statements, unmodifiable, split once for the last dialect asked (a run asks with its engine's). */
    public List<SqlStatement> statements(SqlDialect dialect) {
        Split last = split;
        if (last == null || !last.dialect().equals(dialect)) {
            last = new Split(dialect, Collections.unmodifiableList(
                    new StatementSplitter(dialect).split(sql, Math.max(firstLine, 1))));
            split = last;
        }
        return last.statements();
    }

    public boolean isExecutable(SqlDialect dialect) {
        return !statements(dialect).isEmpty();
    }

    public boolean isPresent() {
        return markerLine > 0 || !sql.isBlank();
    }

    /** As the record this was: equal kind, text, lines and directive. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Section s && kind.equals(s.kind) && sql.equals(s.sql) && firstLine == s.firstLine
                && transaction == s.transaction && markerLine == s.markerLine;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, sql, firstLine, transaction, markerLine);
    }

    @Override
    public String toString() {
        return "Section[kind=" + kind + ", firstLine=" + firstLine + ", transaction=" + transaction + ", markerLine="
                + markerLine + "]";
    }
}
