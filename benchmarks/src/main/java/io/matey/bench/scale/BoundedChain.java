package io.matey.bench.scale;

import io.matey.bench.GeneratedMigration;
import java.util.ArrayList;
import java.util.List;

/**
 * A history whose schema stays the same size: migration i creates table {@code w_i} and drops the table created
 * {@code WIDTH} migrations before. Each checkpoint dumps {@code WIDTH} tables, so a replay's inherent work grows
 * linearly with the history and any faster growth is Matey's own.
 */
final class BoundedChain {

    static final int WIDTH = 50;

    private BoundedChain() {
    }

    static List<GeneratedMigration> generate(int count) {
        List<GeneratedMigration> chain = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String table = table(i);
            List<String> up = new ArrayList<>(List.of(create(table)));
            List<String> down = new ArrayList<>(List.of("DROP TABLE " + table + ";"));
            if (i >= WIDTH) {
                up.add("DROP TABLE " + table(i - WIDTH) + ";");
                down.add(create(table(i - WIDTH)));
            }
            chain.add(new GeneratedMigration(GeneratedMigration.fileName(i, "rotate_" + table), up, down));
        }
        return chain;
    }

    private static String table(int i) {
        return String.format("w_%05d", i);
    }

    private static String create(String table) {
        return "CREATE TABLE " + table + " (id integer PRIMARY KEY, name text, note text);";
    }
}
