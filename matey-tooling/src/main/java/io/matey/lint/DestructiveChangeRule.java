package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.lint.SchemaChange.CopyRows;
import io.matey.lint.SchemaChange.DropColumn;
import io.matey.lint.SchemaChange.DropPartition;
import io.matey.lint.SchemaChange.DropSchema;
import io.matey.lint.SchemaChange.DropSystemVersioning;
import io.matey.lint.SchemaChange.DropTable;
import io.matey.lint.SchemaChange.RenameTable;
import io.matey.lint.SchemaChange.Truncate;
import java.util.List;

/**
 * L401: up statements that delete existing data (Atlas DS101-DS103). An error, because no down section brings
 * the data back; a deliberate drop is accepted with a nolint comment. A table rebuild keeps its data and is not
 * reported: its rows copied into a new table earlier in the section, the old table dropped, the new one renamed to
 * the old name later in it (SQLite's way to change a table that ALTER TABLE cannot, and others' with CREATE TABLE
 * ... AS or INSERT ... SELECT).
 */
final class DestructiveChangeRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            List<MigrationChanges.Located> changes = file.upChanges();
            for (int i = 0; i < changes.size(); i++) {
                MigrationChanges.Located located = changes.get(i);
                String message = located.existing() && !rebuilt(changes, i) ? message(located.change()) : null;
                if (message != null) {
                    findings.add(Level.ERROR, "L401", file.path(), located.line(), message);
                }
            }
        }
    }

    /** Whether change {@code i} drops a table whose rows an earlier copy took into a table later renamed to it. */
    private static boolean rebuilt(List<MigrationChanges.Located> changes, int i) {
        if (!(changes.get(i).change() instanceof DropTable drop)) {
            return false;
        }
        String dropped = Names.key(drop.subject());
        return changes.subList(0, i).stream().map(MigrationChanges.Located::change)
                .filter(c -> c instanceof CopyRows copy && Names.key(copy.source()).equals(dropped))
                .anyMatch(copy -> changes.subList(i + 1, changes.size()).stream()
                        .map(MigrationChanges.Located::change)
                        .anyMatch(c -> c instanceof RenameTable rename
                                && Names.key(rename.subject()).equals(Names.key(copy.subject()))
                                && Names.key(rename.newName()).equals(dropped)));
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
        if (change instanceof DropPartition partition) {
            return (partition.truncate() ? "Truncating " : "Dropping ") + partition.what() + " of table '"
                    + partition.subject() + "' deletes its rows.";
        }
        if (change instanceof DropSystemVersioning drop) {
            return "Dropping system versioning of table '" + drop.subject() + "' deletes all its history rows.";
        }
        if (change instanceof Truncate truncate) {
            return "Truncating table '" + truncate.subject() + "' deletes all its rows.";
        }
        return null;
    }
}
