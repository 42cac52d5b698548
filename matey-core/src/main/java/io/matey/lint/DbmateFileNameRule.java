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
            if (file.path().indexOf('/', PREFIX.length()) >= 0) {
                findings.add(Level.ERROR, "L008", file.path(), null,
                        "Migration is in a subdirectory; dbmate only runs files directly in migrations/.");
            }
            char first = file.fileName().charAt(0);
            if (first < '0' || first > '9') {
                findings.add(Level.ERROR, "L008", file.path(), null, "File name does not start with a version "
                        + "number; dbmate only runs files named like '<digits>_<name>.sql'.");
            }
        }
    }
}
