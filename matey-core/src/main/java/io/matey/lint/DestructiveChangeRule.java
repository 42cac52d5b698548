package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.lint.SchemaChange.DropColumn;
import io.matey.lint.SchemaChange.DropSchema;
import io.matey.lint.SchemaChange.DropTable;
import io.matey.lint.SchemaChange.Truncate;

/**
 * L401: up statements that delete existing data (Atlas DS101-DS103). An error, because no down section brings
 * the data back; a deliberate drop is accepted with a nolint comment.
 */
final class DestructiveChangeRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            for (MigrationChanges.Located located : file.upChanges()) {
                String message = located.existing() ? message(located.change()) : null;
                if (message != null) {
                    findings.add(Level.ERROR, "L401", file.path(), located.line(), message);
                }
            }
        }
    }

    private static String message(SchemaChange change) {
        if (change instanceof DropTable drop) {
            return "Dropping table '" + drop.subject() + "' deletes its data.";
        }
        if (change instanceof DropSchema drop) {
            return "Dropping schema '" + drop.subject() + "' deletes every object in it.";
        }
        if (change instanceof DropColumn drop) {
            return "Dropping column '" + drop.subject() + "." + drop.column() + "' deletes its data.";
        }
        if (change instanceof Truncate truncate) {
            return "Truncating table '" + truncate.subject() + "' deletes all its rows.";
        }
        return null;
    }
}
