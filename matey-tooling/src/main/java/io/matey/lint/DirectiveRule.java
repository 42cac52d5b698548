package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.MigrationScript;

/**
 * L001: markers in an order or number that leaves the sections ambiguous (up after down, repeated markers); L014:
 * a NUL byte, which every command that reads the migration refuses; L211:
 * git merge conflict markers, which in a migration only a person can resolve (in an artifact: {@link ArtifactRule}).
 */
final class DirectiveRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            for (MigrationScript.Problem problem : file.script().problems()) {
                if (problem.kind() == MigrationScript.Kind.MERGE_CONFLICT) {
                    findings.addWithFix(Level.ERROR, "L211", file.path(), problem.line(), problem.message(),
                            problem.kind().fix());
                } else if (problem.kind() == MigrationScript.Kind.NUL_BYTE) {
                    findings.addWithFix(Level.ERROR, "L014", file.path(), problem.line(),
                            "column " + problem.column() + ": " + problem.message(), problem.kind().fix());
                } else {
                    findings.add(Level.ERROR, "L001", file.path(), problem.line(), problem.message());
                }
            }
        }
    }
}
