package io.matey.bench.replay;

import io.matey.bench.Bench;
import io.matey.bench.BenchServer;
import io.matey.bench.PgDump;
import io.matey.bench.Samples;
import io.matey.schema.SchemaDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** (d): Matey's canonical dump of one database next to {@code pg_dump --schema-only} of the same database. */
final class DumpComparison {

    private final BenchServer server;
    private final String database;
    private String mateyDump = "";
    private long pgDumpLines;

    DumpComparison(BenchServer server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Connect + dump (comparable with a pg_dump process), pg_dump (these two interleaved), then dump alone. */
    List<Samples> measure(Bench bench) throws Exception {
        Path file = Files.createTempFile("matey-bench-pgdump-", ".sql");
        try {
            Map<String, Bench.Trial> trials = new LinkedHashMap<>();
            trials.put("(d) SchemaDump.dump incl. connect", () -> {
                try (Connection c = server.connect(database)) {
                    mateyDump = SchemaDump.dump(server.engine(), c);
                }
            });
            trials.put("(d) pg_dump --schema-only (process)", new PgDump(server.url(database), file)::run);
            List<Samples> figures = bench.interleave(trials);
            pgDumpLines = Files.readAllLines(file).size();
            try (Connection c = server.connect(database)) {
                Samples dumpOnly = bench.measure("(d) SchemaDump.dump on an open connection",
                        () -> SchemaDump.dump(server.engine(), c));
                return List.of(figures.get(0), dumpOnly, figures.get(1));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    String mateyDump() {
        return mateyDump;
    }

    long mateyLines() {
        return mateyDump.lines().count();
    }

    long pgDumpLines() {
        return pgDumpLines;
    }
}
