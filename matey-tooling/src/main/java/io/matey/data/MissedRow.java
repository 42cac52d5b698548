package io.matey.data;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * An UPDATE or DELETE by a key whose row data apply read from the table changed another number of rows than it
 * read under that key (usually none): the database compares the key otherwise than data apply matched it, so the
 * set fails rather than count a change that did not happen (docs/architecture.md §3).
 *
 * @param line     the data file line of an update; 0 for the delete of a row no line holds
 * @param expected the table rows data apply read under the key
 * @param affected the rows the statement changed, as the driver counts them
 */
final class MissedRow extends SQLException {

    private final int line;
    private final transient Object[] key;
    private final int expected;
    private final int affected;

    MissedRow(int line, Object[] key, int expected, int affected) {
        super("a write by key changed " + affected + " rows, not " + expected);
        this.line = line;
        this.key = key;
        this.expected = expected;
        this.affected = affected;
    }

    /**
     * What happened, naming the data file {@code path} and its line, the {@code table} and the key, then
     * {@code aftermath} (what the failure left), then what to do.
     */
    String explain(Path path, String table, DataMode mode, String aftermath) {
        String where = line > 0 ? path + ":" + line + ": " : path + ": ";
        String keyText = RowKey.text(key);
        String statement = line > 0 ? "UPDATE" : "DELETE";
        String which = line > 0 ? "" : ", which the file no longer holds (mode " + mode.id() + ")";
        if (affected > expected) {
            return where + "the database found " + affected + " rows of table '" + table + "' by key " + keyText + which
                    + ", but data apply read " + expected + " under that key: the database holds other keys of the "
                    + "table equal to it (a collation or type that equates them), so its " + statement
                    + " would change rows the file does not name. " + aftermath + " Give those rows keys the database "
                    + "tells apart, and run `matey data apply` again.";
        }
        return where + "the database did not find the row of table '" + table + "' by key " + keyText + which
                + ": data apply read it from the table, but the " + statement + " by that key changed "
                + (affected == 0 ? "no row" : affected + " of its " + expected + " rows") + ". " + aftermath
                + " The database compares that key value otherwise than the file holds it (a FLOAT or REAL key "
                + "keeps an approximation that the exact value does not equal), or a trigger or rule skipped the change. "
                + "Key the file on columns the database compares exactly (`on` in data/data.toml), or remove what "
                + "skips the change, and run `matey data apply` again.";
    }
}
