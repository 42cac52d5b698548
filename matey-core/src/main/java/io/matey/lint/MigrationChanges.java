package io.matey.lint;

import io.matey.lint.SchemaChange.AddColumn;
import io.matey.lint.SchemaChange.CreateSchema;
import io.matey.lint.SchemaChange.CreateTable;
import io.matey.lint.SchemaChange.CreateType;
import io.matey.lint.SchemaChange.DropColumn;
import io.matey.lint.SchemaChange.Kind;
import io.matey.lint.SchemaChange.RenameColumn;
import io.matey.lint.SchemaChange.RenameSchema;
import io.matey.lint.SchemaChange.RenameTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema changes of one migration's up section, in order. A change on a table, schema or type created earlier
 * in the same migration touches no existing data or running code, so the safety rules only look at changes whose
 * subject already existed; so is dropping or renaming a column added earlier in it, which holds no data yet
 * (setting it NOT NULL still meets the rows the table had, which it gave NULLs).
 */
final class MigrationChanges {

    /**
     * A change at a file line; {@code existing} when its subject (or the column it drops or renames) was not created
     * earlier in this migration.
     */
    record Located(int line, SchemaChange change, boolean existing) {
    }

    private MigrationChanges() {
    }

    static List<Located> of(List<ParsedStatement> upStatements) {
        Map<Kind, Set<String>> created = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            created.put(kind, new HashSet<>());
        }
        Set<String> newColumns = new HashSet<>();
        List<Located> located = new ArrayList<>();
        for (ParsedStatement statement : upStatements) {
            for (SchemaChange change : ChangeReader.read(statement)) {
                boolean existing = !created.get(change.kind()).contains(Names.key(change.subject()))
                        && !newColumns.contains(droppedOrRenamedColumn(change));
                located.add(new Located(statement.line(), change, existing));
                String table = newTable(change, existing);
                if (table != null) {
                    created.get(Kind.TABLE).add(table);
                } else if (change instanceof CreateSchema || change instanceof CreateType) {
                    created.get(change.kind()).add(Names.key(change.subject()));
                } else if (change instanceof RenameSchema rename && !existing) {
                    created.get(Kind.SCHEMA).add(Names.key(rename.newName()));
                } else if (change instanceof AddColumn add) {
                    newColumns.add(columnKey(add.subject(), add.column()));
                } else if (change instanceof RenameColumn rename && !existing) {
                    newColumns.add(columnKey(rename.subject(), rename.newName()));
                }
            }
        }
        return located;
    }

    /**
     * The key of the table a change makes new in its migration: one it creates, or one created earlier in it
     * renamed; null for any other change.
     */
    static String newTable(Located located) {
        return newTable(located.change(), located.existing());
    }

    private static String newTable(SchemaChange change, boolean existing) {
        if (change instanceof CreateTable) {
            return Names.key(change.subject());
        }
        return change instanceof RenameTable rename && !existing ? Names.key(rename.newName()) : null;
    }

    /** The key of the column a change drops or renames; empty for any other change. */
    private static String droppedOrRenamedColumn(SchemaChange change) {
        if (change instanceof DropColumn drop) {
            return columnKey(drop.subject(), drop.column());
        }
        return change instanceof RenameColumn rename ? columnKey(rename.subject(), rename.column()) : "";
    }

    private static String columnKey(String table, String column) {
        return Names.key(table) + "\u0000" + Names.key(column);
    }
}
