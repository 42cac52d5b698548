package io.matey.bench.scale;

import io.matey.bench.GeneratedMigration;
import java.util.ArrayList;
import java.util.List;

/** One migration of about {@code mib} MiB: a table and rows inserted one statement each (about 100 bytes a row). */
final class BigMigration {

    private BigMigration() {
    }

    static GeneratedMigration generate(int mib) {
        List<String> up = new ArrayList<>(List.of("CREATE TABLE big (id integer PRIMARY KEY, payload text);"));
        String payload = "x".repeat(60);
        long bytes = 0;
        for (int id = 1; bytes < mib * 1024L * 1024L; id++) {
            String insert = "INSERT INTO big (id, payload) VALUES (" + id + ", '" + payload + "');";
            up.add(insert);
            bytes += insert.length() + 1;
        }
        return new GeneratedMigration(GeneratedMigration.fileName(0, "big"), up, List.of("DROP TABLE big;"));
    }
}
