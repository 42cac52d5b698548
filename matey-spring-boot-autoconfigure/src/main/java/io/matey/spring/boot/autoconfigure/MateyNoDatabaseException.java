package io.matey.spring.boot.autoconfigure;

import io.matey.error.MateyException;

/**
 * A managed target has no live database to connect to: the failure analysis names the target in the commands it
 * suggests, since the error names no database to look at.
 */
class MateyNoDatabaseException extends MateyException {

    private final String target;

    MateyNoDatabaseException(String target, String reason) {
        super("No live database for Matey target '" + target + "': " + reason);
        this.target = target;
    }

    String getTarget() {
        return target;
    }
}
