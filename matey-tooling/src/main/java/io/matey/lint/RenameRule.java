package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.lint.SchemaChange.MoveTable;
import io.matey.lint.SchemaChange.RenameColumn;
import io.matey.lint.SchemaChange.RenameEnumValue;
import io.matey.lint.SchemaChange.RenameSchema;
import io.matey.lint.SchemaChange.RenameTable;

/**
 * L405: renames of existing tables and columns (Atlas BC101, BC102), moves of tables to another schema, and
 * PostgreSQL's renames of an existing schema (every name qualified with it) and of an enum value. The application
 * version still running during and after a deploy uses the old name or value; expand-and-contract (add, copy,
 * switch, drop later) avoids that.
 */
final class RenameRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            for (MigrationChanges.Located located : file.upChanges()) {
                String renamed = located.existing() ? renamed(located.change()) : null;
                if (renamed != null) {
                    String old = located.change() instanceof RenameEnumValue ? "value" : "name";
                    findings.add(Level.WARNING, "L405", file.path(), located.line(),
                            renamed + " breaks running code that still uses the old " + old + ".");
                }
            }
        }
    }

    private static String renamed(SchemaChange change) {
        if (change instanceof RenameTable rename) {
            return "Renaming table '" + rename.subject() + "' to '" + rename.newName() + "'";
        }
        if (change instanceof MoveTable move) {
            return "Moving table '" + move.subject() + "' to schema '" + move.schema() + "'";
        }
        if (change instanceof RenameSchema rename) {
            return "Renaming schema '" + rename.subject() + "' to '" + rename.newName() + "'";
        }
        if (change instanceof RenameEnumValue rename) {
            return "Renaming value " + rename.value() + " of type '" + rename.subject() + "' to " + rename.newValue();
        }
        if (change instanceof RenameColumn rename) {
            return "Renaming column '" + rename.subject() + "." + rename.column() + "' to '" + rename.newName() + "'";
        }
        return null;
    }
}
