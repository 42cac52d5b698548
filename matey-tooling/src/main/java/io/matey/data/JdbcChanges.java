package io.matey.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The default of {@link DataDialect#write}: each change as the dialect's one-row INSERT, UPDATE or DELETE, sent in
 * JDBC batches in the order given ({@link Batches}), so generated ids and constraints see rows in file order. Each
 * UPDATE and DELETE by key must change the rows data apply read under that key, where the engine counts them.
 */
final class JdbcChanges {

    private final Connection connection;
    private final DataDialect dialect;
    private final TableChanges changes;
    /** Statements by row shape; rows of one shape share one instance. */
    private final Map<TableChanges.Columns, String> inserts = new IdentityHashMap<>();
    private final Map<TableChanges.Columns, String> updates = new IdentityHashMap<>();

    JdbcChanges(Connection connection, DataDialect dialect, TableChanges changes) {
        this.connection = connection;
        this.dialect = dialect;
        this.changes = changes;
    }

    void write() throws SQLException {
        String table = changes.table();
        TableChanges.Columns key = changes.key();
        String where = key == null ? null : IntStream.range(0, key.names().size())
                .mapToObj(i -> dialect.keyEquals(key.names().get(i), "?", key.types().get(i)))
                .collect(Collectors.joining(" AND "));
        String delete = key == null ? null : dialect.delete(table, where);
        try (Batches batches = new Batches(connection)) {
            for (TableChanges.Change change : changes.changes()) {
                if (change instanceof TableChanges.Insert insert) {
                    String sql = inserts.computeIfAbsent(insert.columns(), c -> dialect.insert(table, c));
                    batches.add(sql, insert.line(), st -> bind(st, 1, insert.columns(), insert.values()));
                } else if (change instanceof TableChanges.Update update) {
                    String sql = updates.computeIfAbsent(update.set(), c -> dialect.update(table, c, where));
                    batches.add(sql, update.line(), update.key(), counted(update.rows()),
                            st -> bindKey(st, bind(st, 1, update.set(), update.values()), key, update.key()));
                } else {
                    TableChanges.Delete row = (TableChanges.Delete) change;
                    batches.add(delete, 0, row.key(), counted(row.rows()), st -> bindKey(st, 1, key, row.key()));
                }
            }
            batches.flush();
        }
    }

    /** The rows a write by key must change, where the engine counts them; 0 (not counted) elsewhere. */
    private int counted(int rows) {
        return dialect.countsChangedRows() ? rows : 0;
    }

    /** Binds {@code values} from parameter {@code index} on; returns the next index. */
    private int bind(PreparedStatement st, int index, TableChanges.Columns columns, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            dialect.bind(st, index++, columns.types().get(i), values[i]);
        }
        return index;
    }

    /** Binds key {@code values} for the condition {@link DataDialect#keyEquals} made; returns the next index. */
    private int bindKey(PreparedStatement st, int index, TableChanges.Columns key, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            index = dialect.bindKey(st, index, key.types().get(i), values[i]);
        }
        return index;
    }
}
