package io.matey.data;

import java.sql.SQLException;

/** The database refused the write of data file line {@code line}; the cause is the database's reason. */
final class RefusedRow extends SQLException {

    private final int line;

    RefusedRow(int line, SQLException reason) {
        super(reason.getMessage(), reason.getSQLState(), reason.getErrorCode(), reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
