package io.matey.lint;

import io.matey.artifact.ArtifactNames;
import io.matey.lint.Finding.Level;

/**
 * L008: migration files dbmate would never run. dbmate reads only files directly in the migrations directory
 * whose names match {@code ^\d+.*\.sql$}; matey reads every {@code *.sql} below it.
 */
final class DbmateFileNameRule implements LintRule {

    private static final String PREFIX = ArtifactNames.MIGRATIONS_DIR + "/";

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.migrations()) {
            if (inSubdirectory(file)) {
                findings.addDbmateRefusal(Level.ERROR, "L008", file.path(), null,
                        "Migration is in a subdirectory; dbmate only runs files directly in migrations/.",
                        "move the file directly into migrations/");
            }
            if (!versioned(file)) {
                findings.addDbmateRefusal(Level.ERROR, "L008", file.path(), null, "File name does not start with a "
                        + "version number; dbmate only runs files named like '<digits>_<name>.sql'.",
                        "rename it to '<version>_<name>.sql' with a version after every other (the one `matey db new` "
                                + "would give it now)");
            }
        }
    }

    /** Whether dbmate runs the file at all: the files it ignores have no place in its order. */
    static boolean dbmateRuns(MigrationFile file) {
        return !inSubdirectory(file) && versioned(file);
    }

    private static boolean inSubdirectory(MigrationFile file) {
        return file.path().indexOf('/', PREFIX.length()) >= 0;
    }

    private static boolean versioned(MigrationFile file) {
        char first = file.fileName().charAt(0);
        return first >= '0' && first <= '9';
    }
}
