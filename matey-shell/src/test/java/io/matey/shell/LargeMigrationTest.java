package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration of bulk data (megabytes of {@code INSERT ... VALUES}) under a small heap: apply and lint hold it a
 * bounded number of times, and a heap too small for it ends in a user error naming the file, not a JVM trace.
 */
class LargeMigrationTest {

    /** The heap of the child JVM: sizes below are chosen so that each case ran out of it before the fix. */
    private static final List<String> SMALL_HEAP = List.of("-XX:+UseSerialGC", "-Xmx64m");

    @TempDir
    Path ws;

    @Test
    void applyRunsATenMegabyteDataMigrationInASmallHeap() throws Exception {
        init();
        writeDataMigration("20260101000000_big.sql", 50);

        MateyProcess.Result result = MateyProcess.run(ws, Map.of(), SMALL_HEAP, "schema", "apply");

        assertThat(result.stderr()).doesNotContain("OutOfMemoryError");
        assertThat(result.exitCode()).isZero();
        assertThat(ws.resolve("checkpoints/20260101000000_big.sql")).exists();
    }

    @Test
    void lintReadsASixMegabyteDataMigrationInASmallHeap() throws Exception {
        init();
        writeDataMigration("20260101000000_big.sql", 30);

        MateyProcess.Result result = MateyProcess.run(ws, Map.of(), SMALL_HEAP, "lint");

        assertThat(result.stderr()).doesNotContain("OutOfMemoryError").doesNotContain("out of memory");
        // Lint ran to its findings: the migration is not applied yet.
        assertThat(result.stdout()).contains("L204 migrations/20260101000000_big.sql Migration is not in the lockfile.");
    }

    /** Many short statements: their tokens, held between rules, took many times the text (README "Lint"). */
    @Test
    void lintReadsFortyThousandOneLineInsertsInASmallHeap() throws Exception {
        init();
        try (BufferedWriter out = Files.newBufferedWriter(ws.resolve("migrations/20260101000000_rows.sql"),
                StandardCharsets.UTF_8)) {
            out.write("-- migrate:up\nCREATE TABLE h (id INTEGER, s TEXT);\n");
            for (int i = 0; i < 40_000; i++) {
                out.write("INSERT INTO h VALUES (" + i + ", 'row " + i + " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');\n");
            }
            out.write("-- migrate:down\nDROP TABLE h;\n");
        }

        MateyProcess.Result result = MateyProcess.run(ws, Map.of(), SMALL_HEAP, "lint");

        assertThat(result.stderr()).doesNotContain("OutOfMemoryError").doesNotContain("out of memory");
        assertThat(result.stdout()).contains("L204 migrations/20260101000000_rows.sql Migration is not in the lockfile.");
    }

    @Test
    void aMigrationTooLargeForTheHeapIsAUserErrorNamingIt() throws Exception {
        init();
        writeDataMigration("20260101000000_big.sql", 100);

        MateyProcess.Result result = MateyProcess.run(ws, Map.of(), SMALL_HEAP, "schema", "apply");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).doesNotContain("java.lang.OutOfMemoryError").doesNotContain("\tat ")
                .contains("matey schema apply ran out of memory")
                .contains("migrations/20260101000000_big.sql (20.5 MB")
                .contains("MATEY_JAVA_OPTS=-Xmx2g matey schema apply");
        assertThat(ws.resolve("checkpoints/20260101000000_big.sql")).doesNotExist();
    }

    private void init() throws IOException, InterruptedException {
        assertThat(MateyProcess.run(ws, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
    }

    /** A table and {@code statements} INSERTs of 1,000 rows of 200 characters each (about 206 KB a statement). */
    private void writeDataMigration(String name, int statements) throws IOException {
        String row = "('" + "x".repeat(200) + "')";
        String insert = "INSERT INTO big VALUES " + String.join(",", Collections.nCopies(1000, row)) + ";\n";
        try (BufferedWriter out = Files.newBufferedWriter(ws.resolve("migrations").resolve(name), StandardCharsets.UTF_8)) {
            out.write("-- migrate:up\nCREATE TABLE big (t TEXT);\n");
            for (int i = 0; i < statements; i++) {
                out.write(insert);
            }
            out.write("-- migrate:down\nDROP TABLE big;\n");
        }
    }
}
