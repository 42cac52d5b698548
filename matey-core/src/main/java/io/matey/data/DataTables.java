package io.matey.data;

import io.matey.error.MateyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Finds a data file's live table and checks that the columns its manifest entry names exist there. */
final class DataTables {

    private DataTables() {
    }

    static LiveTable resolve(Connection connection, DataDialect dialect, DataFile file) throws SQLException {
        LiveTable table = LiveTable.read(connection, dialect, file.table()).orElseThrow(() -> new MateyException(
                "Table '" + file.table() + "' of data file '" + file.name() + "' does not exist in the live database."));
        requireColumns(table, file, file.on(), "key column(s) (on)");
        requireColumns(table, file, file.orderBy(), "export ordering column(s) (order_by)");
        return table;
    }

    private static void requireColumns(LiveTable table, DataFile file, List<String> columns, String what) {
        Set<String> missing = new TreeSet<>(columns);
        missing.removeAll(table.columns().keySet());
        if (!missing.isEmpty()) {
            throw new MateyException("Data file '" + file.name() + "' references missing " + what + ": "
                    + FileRows.quoted(missing) + " (table '" + table.name() + "').");
        }
    }
}
