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
        /** A NUL byte, which no database runs (an editor or a binary copy put it there). */
        NUL_BYTE("Delete the NUL byte (a text editor shows it as ^@ or \\0; `tr -d '\\000'` removes every one)."),
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

    /** A structural problem at a line (and, when known, a 1-based column; else 0) of the file. */
    public record Problem(int line, int column, Kind kind, String message) {

        static Problem markers(int line, String message) {
            return new Problem(line, 0, Kind.MARKERS, message);
        }

        static Problem nulByte(int line, int column) {
            return new Problem(line, column, Kind.NUL_BYTE, "a NUL byte (\\0) is not SQL: the databases stop the "
                    + "statement there or refuse it.");
        }

        static Problem mergeConflict(int line) {
            return new Problem(line, 0, Kind.MERGE_CONFLICT, "unresolved merge conflict marker: git left both sides "
                    + "of a conflict in this migration, which no database can run.");
        }

        MateyException error(String file) {
            return error(file, kind.fix());
        }

        MateyException error(String file, String fix) {
            return new MateyException(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message + " " + fix);
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
