package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.lint.SchemaChange.ClearColumn;
import io.matey.lint.SchemaChange.CopyRows;
import io.matey.lint.SchemaChange.CreateInnerTableView;
import io.matey.lint.SchemaChange.CreateTable;
import io.matey.lint.SchemaChange.DeleteAll;
import io.matey.lint.SchemaChange.DropColumn;
import io.matey.lint.SchemaChange.DropPartition;
import io.matey.lint.SchemaChange.DropSchema;
import io.matey.lint.SchemaChange.DropSystemVersioning;
import io.matey.lint.SchemaChange.DropTable;
import io.matey.lint.SchemaChange.DropView;
import io.matey.lint.SchemaChange.ExchangeTables;
import io.matey.lint.SchemaChange.RenameTable;
import io.matey.lint.SchemaChange.ReplacePartition;
import io.matey.lint.SchemaChange.ReplaceTable;
import io.matey.lint.SchemaChange.Truncate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * L401: up statements that delete existing data (Atlas DS101-DS103), or replace it (ClickHouse's {@code CLEAR
 * COLUMN}, {@code REPLACE PARTITION}, {@code EXCHANGE TABLES}, {@code CREATE OR REPLACE TABLE}), and a {@code DROP
 * VIEW} of a materialized view an earlier migration created with an inner table. An error, because no down section brings
 * the data back; a deliberate drop is accepted with a nolint comment. A table rebuild keeps its data and is not
 * reported: its rows copied into a new table earlier in the section, the old table dropped, the new one renamed to
 * the old name later in it (SQLite's way to change a table that ALTER TABLE cannot, and others' with CREATE TABLE
 * ... AS or INSERT ... SELECT).
 */
final class DestructiveChangeRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        // the materialized views with an inner table that earlier migrations (in order) left: DROP VIEW drops its rows;
        // and the tables they created, which a CREATE OR REPLACE TABLE replaces (rather than creating one)
        Set<String> innerTableViews = new HashSet<>();
        Set<String> earlierTables = new HashSet<>();
        for (MigrationFile file : context.readableMigrations()) {
            List<MigrationChanges.Located> changes = file.upChanges();
            for (int i = 0; i < changes.size(); i++) {
                MigrationChanges.Located located = changes.get(i);
                SchemaChange change = located.change();
                String message = !located.existing() || rebuilt(changes, i) ? null
                        : change instanceof DropView drop ? innerTableViews.contains(Names.key(drop.subject()))
                                ? "Dropping materialized view '" + drop.subject() + "' drops its inner table and the rows"
                                        + " in it." : null
                        : change instanceof ReplaceTable replace && !earlierTables.contains(Names.key(replace.subject()))
                                ? null : message(change);
                if (message != null) {
                    findings.add(Level.ERROR, "L401", file.path(), located.line(), message);
                }
            }
            for (MigrationChanges.Located located : changes) {
                if (located.change() instanceof CreateTable table) {
                    earlierTables.add(Names.key(table.subject()));
                }
                if (located.change() instanceof CreateInnerTableView view) {
                    innerTableViews.add(Names.key(view.subject()));
                } else if (located.change() instanceof DropView || located.change() instanceof DropTable) {
                    innerTableViews.remove(Names.key(located.change().subject()));
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
        if (change instanceof ReplaceTable replace) {
            return "Replacing table '" + replace.subject() + "' (CREATE OR REPLACE) deletes its rows.";
        }
        if (change instanceof ClearColumn clear) {
            return "Clearing column '" + clear.subject() + "." + clear.column() + "' resets its values to the default.";
        }
        if (change instanceof ReplacePartition partition) {
            return "Replacing " + partition.what() + " of table '" + partition.subject() + "' deletes its rows.";
        }
        if (change instanceof ExchangeTables exchange) {
            return "Exchanging tables '" + exchange.subject() + "' and '" + exchange.other() + "' swaps their rows: "
                    + "each name then holds the other's.";
        }
        if (change instanceof Truncate truncate) {
            return "Truncating table '" + truncate.subject() + "' deletes all its rows.";
        }
        if (change instanceof DeleteAll delete) {
            return "Deleting from table '" + delete.subject() + "' without WHERE deletes all its rows.";
        }
        return null;
    }
}
