package io.matey.data;

import io.matey.engine.Engine;
import io.matey.engine.EngineToolings;
import io.matey.engine.RunningStatements;
import io.matey.error.MateyException;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code data apply} for one set: every file is read and checked against its table before anything is written,
 * then all files are written in one transaction, so a row the database refuses leaves every table as it was. An
 * engine without transactions (ClickHouse) writes file after file, and a failure says which tables it changed;
 * there a file whose rows change columns the engine cannot update ({@link DataDialect#immutableColumns}) is
 * compared with its table before anything is written, so that such a row is refused with no table changed.
 */
final class SetApply {

    /** Why an {@code insert} file conflicts with the rows it wrote before, and the modes that do not. */
    private static final String APPENDS = " Mode insert appends every row of the file each time `matey data apply` "
            + "runs, so a file applied before conflicts with its own rows: mode upsert (with `on`) or replace matches "
            + "rows by their key and can be applied again.";

    private final Path targetDir;
    private final Connection connection;
    private final Engine engine;
    private final DataDialect dialect;
    private final ValueDecoder decoder;
    /** The files written so far, to say what a failure leaves behind on an engine without transactions. */
    private final List<AppliedFile> written = new ArrayList<>();

    SetApply(Path targetDir, Connection connection, Engine engine) {
        this.targetDir = targetDir;
        this.connection = connection;
        this.engine = engine;
        this.dialect = EngineToolings.of(engine).data();
        this.decoder = new ValueDecoder(dialect);
    }

    List<AppliedFile> apply(DataSet set) throws SQLException {
        List<CheckedFile> checked = new ArrayList<>();
        for (DataFile file : set.files()) {
            checked.add(check(file));
        }
        if (!engine.transactions()) {
            // no rollback: a file the database would refuse, by a value or a change, fails before any file is written
            for (CheckedFile file : checked) {
                TableWrite write = new TableWrite(connection, dialect, file, targetDir.resolve(file.file().path()));
                if (!file.immutable().isEmpty()) {
                    write.plan();
                } else {
                    write.checkRewritten();
                }
            }
        }
        boolean enforcedBefore = dialect.enforceForeignKeys(connection, true);
        if (!engine.transactions()) {
            try {
                return writeAll(set, checked);
            } finally {
                dialect.enforceForeignKeys(connection, enforcedBefore);
            }
        }
        try {
            connection.setAutoCommit(false);
            try {
                List<AppliedFile> applied = writeAll(set, checked);
                commit(set);
                return applied;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } finally {
            connection.setAutoCommit(true);
            dialect.enforceForeignKeys(connection, enforcedBefore);
        }
    }

    /** A constraint checked at commit (a deferred foreign key) refuses the set as a whole, naming no row. */
    private void commit(DataSet set) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            if (!engine.rejectedByData(e)) {
                throw e;
            }
            throw new MateyException("data apply: the database refused data set '" + set.name() + "' when it was "
                    + "committed: " + engine.failureSentence(e) + " The set's transaction was rolled back; no table was "
                    + "changed. A constraint checked only at commit (a deferred foreign key) failed, so no row is named: "
                    + "a row of the set refers to a row no table holds, or rows of another table refer to one the set "
                    + "removes. Correct the files (" + String.join(", ", set.files().stream()
                            .map(f -> f.path()).toList()) + ") or those rows, and run `matey data apply` again.", e);
        }
    }

    private List<AppliedFile> writeAll(DataSet set, List<CheckedFile> checked) {
        // engines without transactions (ClickHouse, BigQuery) enforce no foreign key, so nothing cascades
        SetCascades cascades = new SetCascades(connection, dialect, set.name(), targetDir,
                engine.transactions() ? checked : List.of());
        List<AppliedFile> applied = new ArrayList<>();
        for (CheckedFile file : checked) {
            AppliedFile done = write(file, cascades);
            applied.add(done);
            written.add(done);
        }
        return applied;
    }

    private CheckedFile check(DataFile file) throws SQLException {
        LiveTable table = DataTables.resolve(connection, dialect, file);
        if (engine.transactions()) {
            Optional<String> storage = dialect.nonTransactionalStorage(connection, table.name());
            if (storage.isPresent()) {
                throw withoutTransactions(file, table, storage.get());
            }
        }
        Path path = targetDir.resolve(file.path());
        List<Row> rows = new FileRows(file, path, table, decoder).convert();
        RowKey key = key(file, table, rows, path);
        if (key == null) {
            return new CheckedFile(file, table, rows, null, Map.of(), null);
        }
        refuseUnkeptRows(rows, table, path);
        Map<String, String> reasons = dialect.immutableColumns(connection, table.name(), table.sql());
        Column version = version(reasons, key);
        if (version != null) {
            key.checkOneVersion(rows, version, path, table.name());
        }
        return new CheckedFile(file, table, rows, key, immutable(reasons, rows, key), version);
    }

    /**
     * A table that keeps no transactions would keep the rows written before a refused one, though the set's
     * transaction is rolled back: refused while the files are checked, before anything is written.
     */
    private MateyException withoutTransactions(DataFile file, LiveTable table, String storage) {
        return new MateyException(file.entry() + ": table '" + table.name() + "' of data file '" + file.name()
                + "' uses storage engine " + storage + ", which has no transactions: data apply writes a set in one "
                + "transaction so that a row the database refuses leaves every table as it was, and a " + storage
                + " table would keep the rows written before it. Nothing was written. "
                + dialect.transactionalStorageAdvice(table.sql()) + ", or leave it out of the data set.");
    }

    /** A row the table would not keep as written ({@link DataDialect#keptRows}) is refused by its line. */
    private void refuseUnkeptRows(List<Row> rows, LiveTable table, Path path) throws SQLException {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        table.dataColumns().forEach(c -> columns.put(c.name(), c.type()));
        List<DataDialect.RowValues> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(new DataDialect.RowValues(row.columns().stream().map(Column::name).toList(), row.values()));
        }
        DataDialect.RowsCheck check = dialect.keptRows(connection, table.name(), columns, values);
        if (check == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            try {
                check.check(i);
            } catch (ValueException e) {
                throw new MateyException(path + ":" + rows.get(i).line() + ": " + e.getMessage() + ".");
            }
        }
    }

    /** The key column that versions its row ({@link DataDialect#versionOfRow}) beside others that name the row. */
    private Column version(Map<String, String> reasons, RowKey key) {
        if (key.columns().size() < 2) {
            return null;
        }
        return key.columns().stream().filter(c -> reasons.containsKey(c.name())
                && dialect.versionOfRow(reasons.get(c.name()))).findFirst().orElse(null);
    }

    /** The columns outside the key that rows name and the engine cannot update, each with why. */
    private static Map<Column, String> immutable(Map<String, String> reasons, List<Row> rows, RowKey key) {
        if (reasons.isEmpty()) {
            return Map.of();
        }
        Map<Column, String> immutable = new HashMap<>();
        for (Row row : rows) {
            for (Column column : row.columns()) {
                String why = reasons.get(column.name());
                if (why != null && !key.columns().contains(column)) {
                    immutable.put(column, why);
                }
            }
        }
        return immutable;
    }

    /**
     * Upsert matches rows by {@code on}; replace by {@code on}, else by the primary key, which every row must then
     * carry: a row without it would be deleted and inserted again under a new id, and the rows referring to it
     * would point at nothing. Replace of a table without a primary key or {@code on} deletes every row and
     * inserts the file.
     */
    private static RowKey key(DataFile file, LiveTable table, List<Row> rows, Path path) {
        if (file.mode() == DataMode.INSERT) {
            return null;
        }
        List<String> names = file.on().isEmpty() ? table.primaryKey() : file.on();
        if (names.isEmpty() && file.mode() == DataMode.UPSERT) {
            throw new MateyException(file.entry() + ": data file '" + file.name() + "' with mode='upsert' needs a key: "
                    + "table '" + table.name() + "' has no primary key to match its rows by. Add on = [\"<column>\", ...] "
                    + "(columns that tell the rows apart) to this entry.");
        }
        if (names.isEmpty()) {
            return null;
        }
        RowKey key = new RowKey(names.stream().map(table.columns()::get).toList());
        key.check(rows, path);
        return key;
    }

    private AppliedFile write(CheckedFile file, SetCascades cascades) {
        TableWrite write = new TableWrite(connection, dialect, file, targetDir.resolve(file.file().path()));
        try {
            return cascades.counted(file, write.write(cascades));
        } catch (RefusedRow e) {
            throw new MateyException(refusal(file, e, write.started()), e);
        } catch (MissedRow e) {
            throw new MateyException(e.explain(targetDir.resolve(file.file().path()), file.table().name(),
                    file.file().mode(), aftermath(file, true)), e);
        } catch (SQLException e) {
            // A batch's own message may only say that it was aborted; the cause says why.
            SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
            String cancelled = engine.unanswered(cause)
                    ? RunningStatements.cancelUnanswered(engine, connection, cause, "`matey data apply`") : "";
            throw new MateyException("data apply failed writing table '" + file.table().name() + "' from data file '"
                    + file.file().name() + "': " + engine.failureSentence(connection, cause) + cancelled + " "
                    + aftermath(file, write.started()), e);
        } catch (MateyException e) {
            if (engine.transactions()) {
                throw e;
            }
            // a file found wrong while it was compared with its table: earlier files are already written
            throw new MateyException(e.reason(), e.getMessage() + " " + aftermath(file, write.started()), e);
        }
    }

    /**
     * A refused row, told apart as the engine tells them ({@link io.matey.engine.Engine#rejectedByData}): a row that
     * breaks a constraint of the table (or one the rows it meets hold it to) from a row the column cannot take.
     */
    private String refusal(CheckedFile file, RefusedRow e, boolean started) {
        String table = "table '" + file.table().name() + "'";
        Path path = targetDir.resolve(file.file().path());
        boolean constraint = engine.rejectedByData(e);
        String again = " and run `matey data apply` again.";
        if (e.deletedKey() != null) {
            return path + ": the database refused to delete the row of key " + RowKey.text(e.deletedKey()) + " from "
                    + table + ", which the file no longer holds (mode " + file.file().mode().id()
                    + "): " + engine.failureSentence(e) + " " + aftermath(file, started) + (constraint
                            ? " Rows of another table still refer to it: keep the row in the file, or change the rows "
                                    + "that refer to it first," : " Fix the cause") + again;
        }
        return path + ":" + e.line() + ": the database refused this row of " + table + ": " + engine.failureSentence(e)
                + " " + aftermath(file, started) + (constraint ? " The row breaks that constraint: change the row (or the "
                        + "rows it conflicts with or refers to) so that it holds," : " Fix the row") + again
                + (constraint && file.file().mode() == DataMode.INSERT ? APPENDS : "");
    }


    /** What a failure writing {@code failed} leaves; {@code started}: whether statements changing it were sent. */
    private String aftermath(CheckedFile failed, boolean started) {
        if (engine.transactions()) {
            return "The set's transaction was rolled back; no table was changed.";
        }
        List<String> changed = written.stream().filter(f -> f.inserted() + f.updated() + f.deleted() > 0)
                .map(SetApply::changes).toList();
        String before = changed.isEmpty() ? "no file before it changed a table"
                : "the files written before it keep their changes (" + String.join("; ", changed) + ")";
        String file = "data file '" + failed.file().name() + "'";
        List<String> appended = new ArrayList<>(written.stream()
                .filter(f -> f.mode() == DataMode.INSERT && f.inserted() > 0).map(f -> "'" + f.file() + "'").toList());
        if (started && failed.file().mode() == DataMode.INSERT) {
            appended.add("'" + failed.file().name() + "'");
        }
        return "The " + engine.id() + " engine has no transactions: " + before + ", and " + (started
                ? "table '" + failed.table().name() + "' may be partly written from " + file : file + " wrote nothing")
                + ". Fix the cause and run `matey data apply` again: it writes only the difference"
                + (appended.isEmpty() ? "." : ", except that mode insert appends every row of a file again, so first "
                        + "delete the rows data file(s) " + String.join(", ", appended) + " wrote.");
    }

    /** What a written file changed: {@code table 'plans' from data file 'plans': 1 inserted, 2 updated}. */
    private static String changes(AppliedFile file) {
        List<String> counts = new ArrayList<>();
        if (file.inserted() > 0) {
            counts.add(file.inserted() + " inserted");
        }
        if (file.updated() > 0) {
            counts.add(file.updated() + " updated");
        }
        if (file.deleted() > 0) {
            counts.add(file.deleted() + " deleted");
        }
        return "table '" + file.table() + "' from data file '" + file.file() + "': " + String.join(", ", counts);
    }
}
