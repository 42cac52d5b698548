package io.matey.bench.replay;

import io.matey.bench.Bench;
import io.matey.bench.BenchServer;
import io.matey.bench.PgDump;
import io.matey.bench.Samples;
import io.matey.schema.SchemaDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

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

    /** Connect + dump (comparable with a pg_dump process), dump alone, and pg_dump, in that order. */
    List<Samples> measure(Bench bench) throws Exception {
        Samples connectAndDump = bench.measure("(d) SchemaDump.dump incl. connect", () -> {
            try (Connection c = server.connect(database)) {
                mateyDump = SchemaDump.dump(server.engine(), c);
            }
        });
        Samples dumpOnly;
        try (Connection c = server.connect(database)) {
            dumpOnly = bench.measure("(d) SchemaDump.dump on an open connection",
                    () -> SchemaDump.dump(server.engine(), c));
        }
        Path file = Files.createTempFile("matey-bench-pgdump-", ".sql");
        try {
            PgDump pgDump = new PgDump(server.url(database), file);
            Samples pg = bench.measure("(d) pg_dump --schema-only (process)", pgDump::run);
            pgDumpLines = Files.readAllLines(file).size();
            return List.of(connectAndDump, dumpOnly, pg);
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
