package io.matey.lint;

import io.matey.artifact.ArtifactNames;
import io.matey.lint.Finding.Level;

/**
 * L008: migration files dbmate would never run. dbmate reads only files directly in the migrations directory
 * whose names match {@code ^\d+.*\.sql$}; matey reads every {@code *.sql} below it, so the hints name both ways
 * out: a migration moved or renamed for dbmate, anything else (an archive, notes) moved out of the directory.
 */
final class DbmateFileNameRule implements LintRule {

    private static final String PREFIX = ArtifactNames.MIGRATIONS_DIR + "/";

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.migrations()) {
            if (inSubdirectory(file)) {
                findings.addDbmateRefusal(Level.ERROR, "L008", file.path(), null,
                        "Migration is in a subdirectory; dbmate only runs files directly in migrations/.",
                        "if it is a migration, move it directly into migrations/; if it is not (an archive, notes), "
                                + "move it out of migrations/, as Matey runs every .sql file below it");
            }
            if (!versioned(file)) {
                findings.addDbmateRefusal(Level.ERROR, "L008", file.path(), null, "File name does not start with a "
                        + "version number; dbmate only runs files named like '<digits>_<name>.sql'.",
                        "rename it to '<version>_<name>.sql' with a version after every other (the one `matey db new` "
                                + "would give it now); if it is not a migration, move it out of migrations/, as Matey "
                                + "runs every .sql file below it");
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
