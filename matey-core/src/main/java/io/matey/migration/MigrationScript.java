package io.matey.migration;

import io.matey.artifact.ConflictMarkers;
import io.matey.error.MateyException;
import java.util.List;

/**
 * A parsed migration file: its sections and any structural problem with its directives.
 *
 * @param problems structural problems (for example a down marker before the up marker), each with its line
 */
public record MigrationScript(String file, Section up, Section down, List<Problem> problems) {

    /** What is wrong at a line, and so what fixes it. */
    public enum Kind {
        /** The dbmate markers are repeated or out of order. */
        MARKERS("Fix the -- migrate:up / -- migrate:down markers of this file."),
        /** Git left a merge conflict in the file ({@link ConflictMarkers}); only a person can resolve it. */
        MERGE_CONFLICT(resolveConflict("run `matey schema apply`"));

        private final String fix;

        Kind(String fix) {
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    /** A structural problem at a line of the file. */
    public record Problem(int line, Kind kind, String message) {

        static Problem markers(int line, String message) {
            return new Problem(line, Kind.MARKERS, message);
        }

        static Problem mergeConflict(int line) {
            return new Problem(line, Kind.MERGE_CONFLICT, "unresolved merge conflict marker: git left both sides "
                    + "of a conflict in this migration, which no database can run.");
        }

        MateyException error(String file) {
            return error(file, kind.fix());
        }

        MateyException error(String file, String fix) {
            return new MateyException(file + ":" + line + ": " + message + " " + fix);
        }
    }

    /** How a person resolves a merge conflict in a migration, and {@code then} what to run next. */
    public static String resolveConflict(String then) {
        return "Resolve the conflict by hand: keep the SQL the merged migration needs, delete the <<<<<<<, ======= "
                + "and >>>>>>> lines, then " + then + ".";
    }

    /** Throws a user error naming the file and line of the first structural problem. */
    public MigrationScript requireValid() {
        if (!problems.isEmpty()) {
            throw problems.get(0).error(file);
        }
        return this;
    }
}
