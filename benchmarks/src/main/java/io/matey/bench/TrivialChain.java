package io.matey.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The peers' synthetic history (reference/peers.md §5.1): one trivial statement per migration, rotating create
 * table, add column, create index, insert two rows (250 tables at 1000 migrations), each with its down section.
 */
public final class TrivialChain {

    private TrivialChain() {
    }

    public static List<GeneratedMigration> generate(int count) {
        List<GeneratedMigration> chain = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chain.add(migration(i));
        }
        return chain;
    }

    private static GeneratedMigration migration(int i) {
        String t = String.format("t_%04d", i / 4);
        return switch (i % 4) {
            case 0 -> new GeneratedMigration(GeneratedMigration.fileName(i, "create_" + t),
                    List.of("CREATE TABLE " + t + " (id integer PRIMARY KEY, name text);"),
                    List.of("DROP TABLE " + t + ";"));
            case 1 -> new GeneratedMigration(GeneratedMigration.fileName(i, "add_column_" + t),
                    List.of("ALTER TABLE " + t + " ADD COLUMN note text;"),
                    List.of("ALTER TABLE " + t + " DROP COLUMN note;"));
            case 2 -> new GeneratedMigration(GeneratedMigration.fileName(i, "index_" + t),
                    List.of("CREATE INDEX " + t + "_name_idx ON " + t + " (name);"),
                    List.of("DROP INDEX " + t + "_name_idx;"));
            default -> new GeneratedMigration(GeneratedMigration.fileName(i, "rows_" + t),
                    List.of("INSERT INTO " + t + " (id, name) VALUES (1, 'a'), (2, 'b');"),
                    List.of("DELETE FROM " + t + " WHERE id IN (1, 2);"));
        };
    }
}
