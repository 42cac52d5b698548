package io.matey.engine;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.error.Reason;

/** A migration section failed on a database; the message names the file, section, line and statement. */
public class MigrationFailedException extends MateyException {

    private final String file;
    private final String section;
    private final int line;

    public MigrationFailedException(String file, String section, int line, String message, Throwable cause) {
        super(Reason.MIGRATION_FAILED, message, cause);
        this.file = file;
        this.section = section;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public String section() {
        return section;
    }

    public int line() {
        return line;
    }
}
