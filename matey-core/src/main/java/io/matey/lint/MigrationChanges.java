package io.matey.lint;

import io.matey.lint.SchemaChange.CreateSchema;
import io.matey.lint.SchemaChange.CreateTable;
import io.matey.lint.SchemaChange.RenameTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema changes of one migration's up section, in order. A change on a table or schema created earlier in
 * the same migration touches no existing data or running code, so the safety rules only look at changes whose
 * subject already existed.
 */
final class MigrationChanges {

    /** A change at a file line; {@code existing} when its subject was not created earlier in this migration. */
    record Located(int line, SchemaChange change, boolean existing) {
    }

    private MigrationChanges() {
    }

    static List<Located> of(List<ParsedStatement> upStatements) {
        Set<String> newTables = new HashSet<>();
        Set<String> newSchemas = new HashSet<>();
        List<Located> located = new ArrayList<>();
        for (ParsedStatement statement : upStatements) {
            for (SchemaChange change : ChangeReader.read(statement)) {
                Set<String> created = change.onSchema() ? newSchemas : newTables;
                boolean existing = !created.contains(Names.key(change.subject()));
                located.add(new Located(statement.line(), change, existing));
                if (change instanceof CreateTable || change instanceof CreateSchema) {
                    created.add(Names.key(change.subject()));
                } else if (change instanceof RenameTable rename && !existing) {
                    newTables.add(Names.key(rename.newName()));
                }
            }
        }
        return located;
    }
}
