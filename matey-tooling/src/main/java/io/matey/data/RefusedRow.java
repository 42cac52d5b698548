package io.matey.data;

import java.sql.SQLException;

/**
 * The database refused the write of data file line {@code line}, or the delete of the table's row of key
 * {@code deletedKey} (which the file no longer holds); the cause is the database's reason.
 */
final class RefusedRow extends SQLException {

    private final int line;
    private final transient Object[] deletedKey;

    RefusedRow(int line, Object[] deletedKey, SQLException reason) {
        super(reason.getMessage(), reason.getSQLState(), reason.getErrorCode(), reason);
        this.line = line;
        this.deletedKey = deletedKey;
    }

    int line() {
        return line;
    }

    /** The key of the row a delete was refused, or null when a line of the file was. */
    Object[] deletedKey() {
        return deletedKey;
    }
}
