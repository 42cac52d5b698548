package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.lint.SchemaChange.AddColumn;
import io.matey.lint.SchemaChange.AddUnique;
import io.matey.lint.SchemaChange.CreateIndex;
import io.matey.lint.SchemaChange.SetNotNull;

/**
 * L402, L403, L404: changes whose success depends on the rows already in a table (Atlas MF101-MF104). They pass
 * on an empty scratch database and can fail in production, so they are warnings to check against real data.
 */
final class DataDependentChangeRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            for (MigrationChanges.Located located : file.upChanges()) {
                if (located.existing()) {
                    check(context, file, located, findings);
                }
            }
        }
    }

    private static void check(LintContext context, MigrationFile file, MigrationChanges.Located located,
            Findings findings) {
        SchemaChange change = located.change();
        String table = "'" + change.subject() + "'";
        boolean bareNotNull = change instanceof AddColumn add && add.bare()
                && context.facts().columnsNotNullUnlessNullable();
        if (change instanceof AddColumn add && (add.requiresValue() || bareNotNull)) {
            String effect = context.facts().notNullColumnGetsImplicitZero() ? "gives existing rows of " + table + " an implicit zero value"
                    : "fails if " + table + " has rows";
            findings.add(Level.WARNING, "L402", file.path(), located.line(), "Adding NOT NULL column '"
                    + add.subject() + "." + add.column() + "' without a DEFAULT " + effect + (bareNotNull
                            ? " (its type is not Nullable(...), so the column is NOT NULL)." : "."));
        } else if (change instanceof AddUnique unique) {
            findings.add(Level.WARNING, "L403", file.path(), located.line(), unique.primaryKey()
                    ? "Adding a primary key to existing table " + table + " fails if its rows hold duplicates or NULLs."
                    : "Adding a unique constraint to existing table " + table + " fails if its rows hold duplicates.");
        } else if (change instanceof CreateIndex index && index.unique()) {
            String name = index.name() == null ? "a unique index" : "unique index '" + index.name() + "'";
            findings.add(Level.WARNING, "L403", file.path(), located.line(), "Creating " + name
                    + " on existing table " + table + " fails if its rows hold duplicates.");
        } else if (change instanceof SetNotNull notNull) {
            findings.add(Level.WARNING, "L404", file.path(), located.line(), "Setting column '" + notNull.subject()
                    + "." + notNull.column() + "' NOT NULL fails if existing rows hold NULLs.");
        }
    }
}
