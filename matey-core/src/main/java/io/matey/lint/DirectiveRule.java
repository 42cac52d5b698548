package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.MigrationScript;

/** L001: markers in an order or number that leaves the sections ambiguous (up after down, repeated markers). */
final class DirectiveRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            for (MigrationScript.Problem problem : file.script().problems()) {
                findings.add(Level.ERROR, "L001", file.path(), problem.line(), problem.message());
            }
        }
    }
}
