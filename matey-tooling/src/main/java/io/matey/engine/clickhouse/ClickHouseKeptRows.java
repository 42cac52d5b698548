package io.matey.engine.clickhouse;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.ValueException;
import io.matey.engine.clickhouse.ClickHouseTokens.Kind;
import io.matey.engine.clickhouse.ClickHouseTokens.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a table does not keep as a data file writes them ({@link DataDialect#keptRows}): a row a
 * {@code ReplacingMergeTree}'s {@code is_deleted} marks deleted, which {@code FINAL} and merges hide, and a value
 * whose column TTL has already expired, which ClickHouse clears to the column's default as it writes the row or at a
 * merge. Whether a TTL has expired is asked of the server, the expression evaluated over the row's values as a write
 * stores them.
 */
final class ClickHouseKeptRows implements DataDialect.RowCheck {

    private final Connection connection;
    private final String table;
    private final Map<String, ColumnType> columns;
    private final ClickHouseDataDialect dialect;
    private final String deleted;
    private final Map<String, String> ttls;

    private ClickHouseKeptRows(Connection connection, String table, Map<String, ColumnType> columns,
            ClickHouseDataDialect dialect, String deleted, Map<String, String> ttls) {
        this.connection = connection;
        this.table = table;
        this.columns = columns;
        this.dialect = dialect;
        this.deleted = deleted;
        this.ttls = ttls;
    }

    /** The check of rows of {@code table}; null when it keeps every row as written. */
    static ClickHouseKeptRows of(Connection connection, String table, Map<String, ColumnType> columns,
            ClickHouseDataDialect dialect) throws SQLException {
        String deleted = ClickHouseKeyColumns.isDeleted(connection, table);
        Map<String, String> ttls = columnTtls(connection, table);
        return deleted == null && ttls.isEmpty() ? null
                : new ClickHouseKeptRows(connection, table, columns, dialect, deleted, ttls);
    }

    @Override
    public void check(List<String> names, Object[] values) throws ValueException {
        int marker = names.indexOf(deleted);
        if (marker >= 0 && values[marker] != null && !values[marker].toString().equals("0")) {
            throw new ValueException("the row sets '" + deleted + "' to " + values[marker] + ", which marks it deleted in "
                    + "table '" + table + "' (ReplacingMergeTree): FINAL, which apply compares with, and merges hide it, "
                    + "so every apply would write it again. Leave the row out of the file (replace then deletes the "
                    + "table's row)");
        }
        for (Map.Entry<String, String> ttl : ttls.entrySet()) {
            int at = names.indexOf(ttl.getKey());
            if (at >= 0 && values[at] != null && expired(ttl.getValue(), names, values)) {
                throw new ValueException("column '" + ttl.getKey() + "': its TTL " + ttl.getValue() + " has already "
                        + "expired for this row, so ClickHouse clears the value to the column's default as it writes it "
                        + "(or at a merge), and the table would differ from the file at every apply. Leave the column "
                        + "out of the row (or write its default), or leave the expired row out of the file");
            }
        }
    }

    /** Whether the TTL expression, over the row's values, is a time already past. */
    private boolean expired(String expression, List<String> names, Object[] values) {
        List<String> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(dialect.heldValue(columns.get(name)) + " AS " + dialect.quote(name));
        }
        String sql = "SELECT (" + expression + ") <= now() FROM (SELECT " + String.join(", ", selected) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                dialect.bind(ps, i + 1, columns.get(names.get(i)), values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false; // the TTL reads a column the row leaves out (a default, a MATERIALIZED one): not known here
        }
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
