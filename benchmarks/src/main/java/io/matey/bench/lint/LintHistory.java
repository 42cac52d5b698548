package io.matey.bench.lint;

import io.matey.bench.GeneratedMigration;
import java.util.ArrayList;
import java.util.List;

/**
 * A history for lint at scale: {@code count} migrations of mixed DDL and DML (per table: create with a unique key,
 * add and rename a column, a plain and a unique index, rows inserted, updated and deleted, a view; some sections of
 * several statements), then {@code bulk} data migrations of {@code bulkMib} MiB each, alternately one-line INSERTs
 * and multi-row INSERTs of about 256 KiB a statement (a dump's extended inserts).
 */
final class LintHistory {

    private LintHistory() {
    }

    static List<GeneratedMigration> generate(int count, int bulk, int bulkMib) {
        List<GeneratedMigration> history = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            history.add(migration(i));
        }
        for (int b = 0; b < bulk; b++) {
            history.add(bulk(count + b, b, bulkMib));
        }
        return history;
    }

    private static GeneratedMigration migration(int i) {
        String t = String.format("t_%04d", i / 8);
        String name = GeneratedMigration.fileName(i, switch (i % 8) {
            case 0 -> "create_" + t;
            case 1 -> "add_note_" + t;
            case 2 -> "index_" + t;
            case 3 -> "rows_" + t;
            case 4 -> "rename_note_" + t;
            case 5 -> "unique_code_" + t;
            case 6 -> "fix_rows_" + t;
            default -> "view_" + t;
        });
        return switch (i % 8) {
            case 0 -> new GeneratedMigration(name, List.of("CREATE TABLE " + t + " (id integer PRIMARY KEY, name text "
                    + "NOT NULL, code text, created_at timestamp DEFAULT CURRENT_TIMESTAMP, CONSTRAINT " + t
                    + "_name_key UNIQUE (name));", "COMMENT ON TABLE " + t + " IS 'generated; for lint';"),
                    List.of("DROP TABLE " + t + ";"));
            case 1 -> new GeneratedMigration(name, List.of("ALTER TABLE " + t + " ADD COLUMN note text;",
                    "ALTER TABLE " + t + " ADD COLUMN score integer NOT NULL DEFAULT 0;"),
                    List.of("ALTER TABLE " + t + " DROP COLUMN score;", "ALTER TABLE " + t + " DROP COLUMN note;"));
            case 2 -> new GeneratedMigration(name, List.of("CREATE INDEX " + t + "_created_idx ON " + t + " (created_at);"),
                    List.of("DROP INDEX " + t + "_created_idx;"));
            case 3 -> new GeneratedMigration(name, List.of("INSERT INTO " + t + " (id, name, code) VALUES (1, 'a', 'x'),"
                    + " (2, 'b; with a semicolon', 'y'), (3, 'it''s', NULL);"),
                    List.of("DELETE FROM " + t + " WHERE id IN (1, 2, 3);"));
            case 4 -> new GeneratedMigration(name, List.of("-- matey:nolint L405 no running code reads it yet",
                    "ALTER TABLE " + t + " RENAME COLUMN note TO remark;"),
                    List.of("ALTER TABLE " + t + " RENAME COLUMN remark TO note;"));
            case 5 -> new GeneratedMigration(name, List.of("-- matey:nolint L403 codes are unique in production",
                    "CREATE UNIQUE INDEX " + t + "_code_key ON " + t + " (code);"),
                    List.of("DROP INDEX " + t + "_code_key;"));
            case 6 -> new GeneratedMigration(name, List.of("UPDATE " + t + " SET code = upper(code) WHERE code IS NOT NULL;",
                    "DELETE FROM " + t + " WHERE name = '';"), List.of("SELECT 1;"));
            default -> new GeneratedMigration(name, List.of("CREATE VIEW " + t + "_named AS SELECT id, name, "
                    + "coalesce(remark, '') AS remark FROM " + t + " WHERE name <> '' ORDER BY id;"),
                    List.of("DROP VIEW " + t + "_named;"));
        };
    }

    /** Rows of about 100 bytes into a table of its own; even {@code b}: one INSERT a row, odd: 256 KiB statements. */
    private static GeneratedMigration bulk(int index, int b, int mib) {
        String table = "bulk_" + b;
        List<String> up = new ArrayList<>(List.of("CREATE TABLE " + table + " (id integer PRIMARY KEY, payload text);"));
        String payload = "payload text, with a comma; and a semicolon " + "x".repeat(20);
        long bytes = 0;
        StringBuilder statement = new StringBuilder();
        for (int id = 1; bytes < mib * 1024L * 1024L; id++) {
            String row = "(" + id + ", '" + payload + "')";
            if (b % 2 == 0) {
                up.add("INSERT INTO " + table + " (id, payload) VALUES " + row + ";");
            } else {
                statement.append(statement.isEmpty() ? "INSERT INTO " + table + " (id, payload) VALUES\n" : ",\n")
                        .append(row);
                if (statement.length() >= 256 * 1024) {
                    up.add(statement.append(';').toString());
                    statement.setLength(0);
                }
            }
            bytes += row.length() + 40;
        }
        if (!statement.isEmpty()) {
            up.add(statement.append(';').toString());
        }
        return new GeneratedMigration(GeneratedMigration.fileName(index, "load_" + table), up,
                List.of("DROP TABLE " + table + ";"));
    }
}
