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
        Optional<String> outside = file.table().schema() == null ? Optional.empty() : dialect.qualifierOutsideTarget();
        if (outside.isPresent()) {
            throw outsideTarget(file, outside.get());
        }
        LiveTable table = LiveTable.read(connection, dialect, file.table())
                .orElseThrow(() -> missing(file, dialect.qualifierOutsideTarget().isEmpty()));
        if (table.notATable() != null) {
            throw notATable(file, table.notATable());
        }
        requireColumns(table, file, file.on(), "key column(s) (on)");
        requireColumns(table, file, file.orderBy(), "export ordering column(s) (order_by)");
        for (Column column : table.dataColumns()) {
            String why = dialect.noFileForm(column.type());
            if (why != null) {
                throw new MateyException(file.entry() + ": data file '" + file.name() + "': column '" + column.name()
                        + "' (" + column.type().label() + ") of table '" + table.name() + "' " + why);
            }
        }
        return table;
    }

    /** A qualifier naming another database would write outside the target (README "Data sets"). */
    private static MateyException outsideTarget(DataFile file, String qualifierNames) {
        TableName name = file.table();
        return new MateyException(file.entry() + ": key 'table': data file '" + file.name() + "' has table '" + name
                + "', whose qualifier '" + name.schema() + "' names a " + qualifierNames + ". Data sets write only into the "
                + "database the target's URL names, by unqualified table names: write table = \"" + new TableName(null, name.name())
                + "\" (a table of another database is filled by a target whose URL names that database).");
    }

    private static MateyException missing(DataFile file, boolean schemas) {
        TableName name = file.table();
        String searched = !schemas || name.schema() != null ? ""
                : " An unqualified name is looked up through the connection's search_path; qualify it (table = \"<schema>."
                        + name + "\") when it lives in another schema.";
        return new MateyException(file.entry() + ": table '" + name + "' of data file '" + file.name() + "' does not "
                + "exist in the live database." + searched + " Correct key 'table' to name an existing table, or create "
                + "the table in a migration.");
    }

    /** A view's rows are its query's: written, they fail mid-set; exported, they make a file no apply can write. */
    private static MateyException notATable(DataFile file, String kind) {
        return new MateyException(file.entry() + ": table '" + file.table() + "' of data file '" + file.name() + "' is a "
                + kind + ", whose rows its query makes: data sets export and apply tables only. Correct key 'table' to "
                + "name the table the rows belong in (the one the " + kind + " reads from, or the TO table of a ClickHouse "
                + "materialized view), or leave the " + kind + " out of the set.");
    }

    private static void requireColumns(LiveTable table, DataFile file, List<String> columns, String what) {
        Set<String> missing = new TreeSet<>(columns);
        missing.removeAll(table.columns().keySet());
        if (!missing.isEmpty()) {
            throw new MateyException(file.entry() + ": data file '" + file.name() + "' references missing " + what + ": "
                    + FileRows.quoted(missing) + " (table '" + table.name() + "'). Name columns the table has.");
        }
    }
}
