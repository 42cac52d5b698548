package io.matey.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One data file's writes into its table, as data apply chose them (docs/architecture.md §3): rows to insert, rows to
 * update by key and rows to delete by key, in the order the engine-neutral code sends them. An engine's
 * {@link DataDialect#write} sends them; names are quoted, and values are those data files hold, to bind with the
 * dialect.
 */
public final class TableChanges {

    /** Quoted column names with their types: the columns a row names, or the key. Rows of one shape share one. */
    public record Columns(List<String> names, List<ColumnType> types) {
    }

    /** One write. */
    public sealed interface Change permits Insert, Update, Delete {

        /** The data file line the write comes from, to name when the database refuses it; 0 for none. */
        int line();
    }

    /** A new row from data file line {@code line}: the values of {@code columns}, in order. */
    public record Insert(Columns columns, Object[] values, int line) implements Change {
    }

    /**
     * A changed row from data file line {@code line}: the new values of {@code set} (no key column), its key values,
     * and how many table rows data apply read under that key, which the update must change.
     */
    public record Update(Columns set, Object[] values, Object[] key, int rows, int line) implements Change {
    }

    /** A row to delete, by its key values: a table row no file line names; {@code rows} read under that key. */
    public record Delete(Object[] key, int rows) implements Change {

        @Override
        public int line() {
            return 0;
        }
    }

    private final String table;
    private final Columns key;
    private final List<Change> changes = new ArrayList<>();

    /** @param key the key updates and deletes match rows by; null when the file only inserts */
    public TableChanges(String table, Columns key) {
        this.table = table;
        this.key = key;
    }

    public void add(Change change) {
        changes.add(change);
    }

    /** The quoted table name. */
    public String table() {
        return table;
    }

    /** The key updates and deletes match rows by; null when there are only inserts. */
    public Columns key() {
        return key;
    }

    /**
     * Lets the deletes of {@code keys} (as {@link RowKey#text}) change no row: a foreign key of the table on itself
     * may have deleted the row with another the same changes delete, first.
     */
    void uncountDeletes(Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i) instanceof Delete delete && keys.contains(RowKey.text(delete.key()))) {
                changes.set(i, new Delete(delete.key(), 0));
            }
        }
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }
}
