package io.matey.bench.data;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.data.AppliedFile;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Acceptance 4: {@code data apply} of 100k rows with upsert, next to a plain JDBC batch insert of the same rows.
 * Run as a plain main: {@code DataApplyBenchmark [rows] [engine...]} (engines default to sqlite postgres mysql;
 * servers come from MATEY_TEST_POSTGRES_URL / MATEY_TEST_MYSQL_URL). Every figure is the median of seven runs
 * after two warm-ups. Each run inserts into an emptied table with plain JDBC, empties it, then applies the file
 * to it (all rows new), again (nothing changed) and with every name changed. A data apply figure is the whole
 * command: locks, the schema check against head, reading and checking the file, and the transaction. Beside the
 * wall time, the CPU time of the thread that runs it: on a shared machine the wall time mostly measures the other
 * jobs, and with SQLite, which runs in that thread, the CPU time is the work itself (a server's is not in it).
 */
public final class DataApplyBenchmark {

    private static final String TABLE = "CREATE TABLE bench_rows (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, "
            + "price DECIMAL(10,2), day DATE, active BOOLEAN);";
    private static final int WARMUPS = 2;
    private static final int RUNS = 7;

    private DataApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> engines = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("sqlite", "postgres", "mysql");
        System.out.printf("%-9s %-34s %10s %8s %12s %8s%n", "engine", "operation (" + rows + " rows)", "median ms",
                "vs plain", "thread CPU ms", "vs plain");
        for (String engine : engines) {
            run(engine, rows);
        }
    }

    private static void run(String engine, int rows) throws Exception {
        Path dir = Files.createTempDirectory("matey-bench-");
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_bench.sql", TABLE, "DROP TABLE bench_rows;");
        ws.apply();
        ws.write(TestWorkspace.TARGET + "/data/data.toml",
                "[bench]\nfiles = [{ name = \"rows\", table = \"bench_rows\", mode = \"upsert\", on = [\"id\"] }]\n");
        rowsFile(ws, rows, "name ");
        Matey matey = ws.matey();
        TargetConfig target = matey.target(TestWorkspace.TARGET);
        try (TestDatabase db = TestDatabase.unborn(engine)) {
            String url = db.url().raw();
            matey.dbUp(target, url, line -> { });

            // Each run measures the plain insert right before the command, so load from elsewhere hits both alike.
            long[][] plain = new long[2][RUNS];
            long[][] empty = new long[2][RUNS];
            long[][] changed = new long[2][RUNS];
            long[][] unchanged = new long[2][RUNS];
            for (int run = -WARMUPS; run < RUNS; run++) {
                clear(db);
                long[] plainNanos = timed(() -> plainBatchInsert(db, rows));
                clear(db);
                long[] emptyNanos = timed(() -> apply(matey, target, url, rows, 0));
                long[] unchangedNanos = timed(() -> apply(matey, target, url, 0, 0));
                rowsFile(ws, rows, "renamed ");
                long[] changedNanos = timed(() -> apply(matey, target, url, 0, rows));
                rowsFile(ws, rows, "name ");
                for (int i = 0; run >= 0 && i < 2; i++) {
                    plain[i][run] = plainNanos[i];
                    empty[i][run] = emptyNanos[i];
                    changed[i][run] = changedNanos[i];
                    unchanged[i][run] = unchangedNanos[i];
                }
            }
            report(engine, "plain JDBC batch insert", plain, plain);
            report(engine, "data apply upsert, empty table", empty, plain);
            report(engine, "data apply upsert, all rows changed", changed, plain);
            report(engine, "data apply upsert, nothing changed", unchanged, plain);
        }
    }

    private static String line(int i, String name) {
        return "{\"active\": " + (i % 2 == 0) + ", \"day\": \"2024-01-" + String.format("%02d", i % 28 + 1)
                + "\", \"id\": " + i + ", \"name\": \"" + name + i + "\", \"price\": \"" + (i % 1000) + ".50\"}";
    }

    private static void rowsFile(TestWorkspace ws, int rows, String name) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            jsonl.append(line(i, name)).append('\n');
        }
        ws.write(TestWorkspace.TARGET + "/data/rows.jsonl", jsonl.toString());
    }

    /** The same rows as Java values, written with a prepared statement in batches of 1000 in one transaction. */
    private static void plainBatchInsert(TestDatabase db, int rows) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bench_rows (id, name, price, day, active) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "name " + i);
                    ps.setBigDecimal(3, new BigDecimal((i % 1000) + ".50"));
                    if (db.engine().id().equals("sqlite")) {
                        ps.setString(4, LocalDate.of(2024, 1, i % 28 + 1).toString());
                    } else {
                        ps.setObject(4, LocalDate.of(2024, 1, i % 28 + 1));
                    }
                    ps.setBoolean(5, i % 2 == 0);
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static void clear(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM bench_rows");
        }
    }

    private static void apply(Matey matey, TargetConfig target, String url, int inserted, int updated) {
        AppliedFile file = new MateyTools(matey).dataApply(target, url, null).files().get(0);
        if (file.inserted() != inserted || file.updated() != updated) {
            throw new IllegalStateException("unexpected counts: " + file);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    /** The wall time and the CPU time of this thread that {@code run} takes, in nanoseconds. */
    private static long[] timed(Run run) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        run.run();
        return new long[] {System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu};
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Medians of wall ({@code [0]}) and thread CPU ({@code [1]}) times, each also as a multiple of the plain insert's. */
    private static void report(String engine, String operation, long[][] nanos, long[][] plain) {
        long wall = median(nanos[0]);
        long cpu = median(nanos[1]);
        System.out.printf("%-9s %-34s %10d %7.2fx %12d %7.2fx%n", engine, operation, wall / 1_000_000,
                (double) wall / median(plain[0]), cpu / 1_000_000, (double) cpu / median(plain[1]));
    }
}
