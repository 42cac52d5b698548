package io.matey.engine.clickhouse;

import io.matey.engine.clickhouse.ClickHouseTokens.Kind;
import io.matey.engine.clickhouse.ClickHouseTokens.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's primary key as rows are found by it (data sets, codegen models): the plain columns of
 * {@code system.tables.primary_key} (the {@code PRIMARY KEY}, else the {@code ORDER BY}), which ClickHouse writes
 * quoted where a name needs it ({@code `a.b`}, {@code `select`}).
 */
final class ClickHouseKeyList {

    private ClickHouseKeyList() {
    }

    /** The primary key's columns of a table of the connected database; empty when it has none or no such table. */
    static List<String> primaryKey(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT primary_key FROM system.tables "
                + "WHERE database = currentDatabase() AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? columns(rs.getString(1)) : List.of();
            }
        }
    }

    /**
     * The plain column names of a key expression list ({@code event_name, `a.b`, cityHash64(id)}), quoted ones
     * unquoted: the other expressions name no column a row is found by.
     */
    static List<String> columns(String key) {
        List<String> names = new ArrayList<>();
        if (key == null) {
            return names;
        }
        List<Token> part = new ArrayList<>();
        int depth = 0;
        for (Token token : ClickHouseTokens.of(key + ",")) {
            String text = token.kind() == Kind.PUNCTUATION ? token.text() : "";
            depth += text.equals("(") || text.equals("[") ? 1 : text.equals(")") || text.equals("]") ? -1 : 0;
            if (depth == 0 && text.equals(",")) {
                if (part.size() == 1 && part.get(0).isName()) {
                    names.add(part.get(0).value());
                }
                part.clear();
            } else if (token.kind() != Kind.SPACE) {
                part.add(token);
            }
        }
        return names;
    }
}
