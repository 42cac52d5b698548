package io.matey.data;

import io.matey.error.MateyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Finds a data file's live table and checks that the columns its manifest entry names exist there. */
final class DataTables {

    private DataTables() {
    }

    static LiveTable resolve(Connection connection, DataDialect dialect, DataFile file) throws SQLException {
        TableName name = file.table();
        Optional<String> outside = name.schema() == null ? Optional.empty() : dialect.qualifierOutsideTarget();
        if (outside.isPresent()) {
            throw new MateyException(file.entry() + ": key 'table': data file '" + file.name() + "' has table '" + name
                    + "', whose qualifier '" + name.schema() + "' names a " + outside.get() + ". Data sets write only into "
                    + "the database the target's URL names, by unqualified table names: write table = \"" + name.name()
                    + "\" (a table of another database is filled by a target whose URL names that database).");
        }
        LiveTable table = LiveTable.read(connection, dialect, name).orElseThrow(() -> new MateyException(
                file.entry() + ": table '" + name + "' of data file '" + file.name() + "' does not exist in the live "
                        + "database." + (name.schema() != null || dialect.qualifierOutsideTarget().isPresent() ? ""
                                : " An unqualified name is looked up through the connection's search_path; qualify it "
                                        + "(table = \"<schema>." + name + "\") when it lives in another schema.")));
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
