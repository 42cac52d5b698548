package io.matey.engine.clickhouse;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.DataDialect.RowValues;
import io.matey.data.ValueException;
import io.matey.engine.clickhouse.ClickHouseTokens.Kind;
import io.matey.engine.clickhouse.ClickHouseTokens.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a table does not keep as a data file writes them ({@link DataDialect#keptRows}): a row a
 * {@code ReplacingMergeTree}'s {@code is_deleted} marks deleted, which {@code FINAL} and merges hide, and a value
 * whose column TTL has already expired, which ClickHouse clears to the column's default as it writes the row or at a
 * merge. Whether a TTL has expired is asked of the server, the expression evaluated over the row's values as a write
 * stores them, for up to {@link #BATCH} rows (and {@link #BATCH_TEXT} characters of values, below the server's
 * {@code max_query_size}) in one query, so that a large file costs no query per row.
 */
final class ClickHouseKeptRows implements DataDialect.RowsCheck {

    private static final int BATCH = 1000;
    private static final int BATCH_TEXT = 100_000;

    private final String table;
    private final String deleted;
    private final Map<String, String> ttls;
    private final List<RowValues> rows;
    /** By TTL column, the rows (their index) whose value of it has expired. */
    private final Map<String, BitSet> expired = new HashMap<>();

    private ClickHouseKeptRows(String table, String deleted, Map<String, String> ttls, List<RowValues> rows) {
        this.table = table;
        this.deleted = deleted;
        this.ttls = ttls;
        this.rows = rows;
    }

    /** The check of {@code rows} of {@code table}; null when it keeps every row as written. */
    static ClickHouseKeptRows of(Connection connection, String table, Map<String, ColumnType> columns,
            ClickHouseDataDialect dialect, List<RowValues> rows) throws SQLException {
        String deleted = ClickHouseKeyColumns.isDeleted(connection, table);
        Map<String, String> ttls = columnTtls(connection, table);
        if (deleted == null && ttls.isEmpty()) {
            return null;
        }
        ClickHouseKeptRows check = new ClickHouseKeptRows(table, deleted, ttls, rows);
        check.askExpired(connection, columns, dialect);
        return check;
    }

    @Override
    public void check(int index) throws ValueException {
        List<String> names = rows.get(index).names();
        Object[] values = rows.get(index).values();
        int marker = names.indexOf(deleted);
        if (marker >= 0 && values[marker] != null && !values[marker].toString().equals("0")) {
            throw new ValueException("the row sets '" + deleted + "' to " + values[marker] + ", which marks it deleted in "
                    + "table '" + table + "' (ReplacingMergeTree): FINAL, which apply compares with, and merges hide it, "
                    + "so every apply would write it again. Leave the row out of the file (replace then deletes the "
                    + "table's row)");
        }
        for (Map.Entry<String, String> ttl : ttls.entrySet()) {
            BitSet rowsExpired = expired.get(ttl.getKey());
            if (rowsExpired != null && rowsExpired.get(index)) {
                throw new ValueException("column '" + ttl.getKey() + "': its TTL " + ttl.getValue() + " has already "
                        + "expired for this row, so ClickHouse clears the value to the column's default as it writes it "
                        + "(or at a merge), and the table would differ from the file at every apply. Leave the column "
                        + "out of the row (or write its default), or leave the expired row out of the file");
            }
        }
    }

    /**
     * Asks which rows' TTL values have expired: rows that give a TTL column a value and name every column its
     * expression reads (else it reads a default or MATERIALIZED column, not known here) are grouped by the TTLs
     * they can be asked about, and each group asked in batches.
     */
    private void askExpired(Connection connection, Map<String, ColumnType> columns, ClickHouseDataDialect dialect) {
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        for (Map.Entry<String, String> ttl : ttls.entrySet()) {
            reads.put(ttl.getKey(), columnsRead(ttl.getValue(), columns));
        }
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> names = rows.get(i).names();
            List<String> asked = new ArrayList<>();
            for (Map.Entry<String, Set<String>> ttl : reads.entrySet()) {
                int at = names.indexOf(ttl.getKey());
                if (at >= 0 && rows.get(i).values()[at] != null && names.containsAll(ttl.getValue())) {
                    asked.add(ttl.getKey());
                }
            }
            if (!asked.isEmpty()) {
                groups.computeIfAbsent(asked, k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<List<String>, List<Integer>> group : groups.entrySet()) {
            Set<String> selected = new LinkedHashSet<>();
            group.getKey().forEach(column -> selected.addAll(reads.get(column)));
            List<String> names = new ArrayList<>(columns.keySet());
            names.retainAll(selected);
            List<Integer> batch = new ArrayList<>();
            int text = 0;
            for (int index : group.getValue()) {
                int rowText = textOf(rows.get(index), names, columns, dialect);
                if (!batch.isEmpty() && (batch.size() == BATCH || text + rowText > BATCH_TEXT)) {
                    ask(connection, group.getKey(), names, batch, columns, dialect);
                    batch.clear();
                    text = 0;
                }
                batch.add(index);
                text += rowText;
            }
            ask(connection, group.getKey(), names, batch, columns, dialect);
        }
    }

    /**
     * One query for the TTLs of {@code ttlColumns} over a batch of rows, each row's {@code names} values bound as a
     * write binds them; where the server refuses it, each TTL is asked alone, and one it refuses is not known here.
     */
    private void ask(Connection connection, List<String> ttlColumns, List<String> names, List<Integer> batch,
            Map<String, ColumnType> columns, ClickHouseDataDialect dialect) {
        if (!expiredRows(connection, ttlColumns, names, batch, columns, dialect) && ttlColumns.size() > 1) {
            for (String column : ttlColumns) {
                expiredRows(connection, List.of(column), names, batch, columns, dialect);
            }
        }
    }

    /** Marks the rows of {@code batch} whose TTLs have expired; false when the server refuses the query. */
    private boolean expiredRows(Connection connection, List<String> ttlColumns, List<String> names, List<Integer> batch,
            Map<String, ColumnType> columns, ClickHouseDataDialect dialect) {
        StringBuilder sql = new StringBuilder("SELECT n");
        for (String column : ttlColumns) {
            sql.append(", (").append(ttls.get(column)).append(") <= now()");
        }
        sql.append(" FROM (");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "SELECT 0 AS n" : " UNION ALL SELECT " + i);
            for (String name : names) {
                sql.append(", ").append(dialect.heldValue(columns.get(name)));
                if (i == 0) {
                    sql.append(" AS ").append(dialect.quote(name));
                }
            }
        }
        sql.append(")");
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (int index : batch) {
                RowValues row = rows.get(index);
                for (String name : names) {
                    dialect.bind(ps, parameter++, columns.get(name), row.values()[row.names().indexOf(name)]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int index = batch.get(rs.getInt(1));
                    for (int i = 0; i < ttlColumns.size(); i++) {
                        if (rs.getBoolean(i + 2)) {
                            expired.computeIfAbsent(ttlColumns.get(i), c -> new BitSet()).set(index);
                        }
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            return false; // the TTL reads what the row leaves out, by a name not seen as a column's: not known here
        }
    }

    /** The table's columns {@code expression} names (a name not followed by a call's parenthesis). */
    private static Set<String> columnsRead(String expression, Map<String, ColumnType> columns) {
        Set<String> read = new LinkedHashSet<>();
        List<Token> tokens = ClickHouseTokens.of(expression);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isName() && columns.containsKey(token.value()) && !calls(tokens, i)) {
                read.add(token.value());
            }
        }
        return read;
    }

    /** Whether the name at {@code i} is a function's, its next token other than space an opening parenthesis. */
    private static boolean calls(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (tokens.get(j).kind() != Kind.SPACE) {
                return tokens.get(j).text().equals("(");
            }
        }
        return false;
    }

    /** About how many characters a row's bound values add to a batch's query. */
    private static int textOf(RowValues row, List<String> names, Map<String, ColumnType> columns,
            ClickHouseDataDialect dialect) {
        int text = 0;
        for (String name : names) {
            // doubled for the quotes and escapes the driver writes a value's text with
            text += 16 + dialect.heldValue(columns.get(name)).length()
                    + 2 * String.valueOf(row.values()[row.names().indexOf(name)]).length();
        }
        return text;
    }

    /**
     * By column, its TTL expression, from the table's CREATE query: in a column's definition the expression after
     * {@code TTL}, up to the definition's end or what ClickHouse prints after it ({@code COLLATE}, {@code SETTINGS}).
     */
    private static Map<String, String> columnTtls(Connection connection, String table) throws SQLException {
        String create;
        try (PreparedStatement ps = connection.prepareStatement("SELECT create_table_query FROM system.tables "
                + "WHERE database = currentDatabase() AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Map.of();
                }
                create = rs.getString(1);
            }
        }
        Map<String, String> ttls = new LinkedHashMap<>();
        List<Token> tokens = ClickHouseTokens.of(create);
        int depth = 0;
        String column = null;
        int ttlStart = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String text = token.kind() == Kind.PUNCTUATION ? token.text() : "";
            if (text.equals("(")) {
                depth++;
                if (depth == 1) {
                    column = null;
                }
            } else if (text.equals(")") || text.equals(",")) {
                if (depth == 1 && ttlStart >= 0) {
                    ttls.put(column, create.substring(ttlStart, token.start()).strip());
                    ttlStart = -1;
                }
                if (text.equals(")")) {
                    depth--;
                    if (depth == 0) {
                        break; // the end of the column list
                    }
                } else if (depth == 1) {
                    column = null;
                }
            } else if (depth == 1 && token.kind() != Kind.SPACE) {
                if (column == null) {
                    column = token.isName() ? token.value() : "";
                } else if (token.is("TTL") && ttlStart < 0) {
                    ttlStart = token.end();
                } else if ((token.is("SETTINGS") || token.is("COLLATE")) && ttlStart >= 0) {
                    ttls.put(column, create.substring(ttlStart, token.start()).strip());
                    ttlStart = -1;
                }
            }
        }
        return ttls;
    }
}
