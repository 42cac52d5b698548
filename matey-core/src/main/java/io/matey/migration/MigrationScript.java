package io.matey.migration;

import io.matey.error.MateyException;
import java.util.List;

/**
 * A parsed migration file: its sections and any structural problem with its directives.
 *
 * @param problems structural problems (for example a down marker before the up marker), each with its line
 */
public record MigrationScript(String file, Section up, Section down, List<Problem> problems) {

    /** A directive problem at a line of the file. */
    public record Problem(int line, String message) {
    }

    /** Throws a user error naming the file and line of the first structural problem. */
    public MigrationScript requireValid() {
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new MateyException(file + ":" + first.line() + ": " + first.message()
                    + " Fix the -- migrate:up / -- migrate:down markers of this file.");
        }
        return this;
    }
}
