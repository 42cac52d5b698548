package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values of types the database rewrites are asked of the database in batches of distinct values
 * ({@link DatabaseForms}): several batches still compare each value as the column holds it, and a refused value is
 * named by its line as when each was asked alone.
 */
class DatabaseFormsTest {

    /** More distinct values than one batch holds, so that full batches and a partial one are asked. */
    private static final int ROWS = 2500;

    @TempDir
    Path dir;

    @Test
    void manyDistinctValuesApplyAndReapplyAsNoOp() throws Exception {
        try (DataHarness h = harness()) {
            h.file("t", rows(-1, -1));
            assertThat(h.apply(null).files()).containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, ROWS, ROWS, 0, 0));
            assertThat(h.apply(null).files()).as("the same values, spelled otherwise than the table holds them")
                    .containsExactly(new AppliedFile("t", "t", DataMode.REPLACE, ROWS, 0, 0, 0));
            assertThat(h.rows("SELECT m::numeric::text, host(ip) FROM t WHERE id = " + (ROWS - 1)))
                    .containsExactly(List.of(ROWS - 1 + ".50", "10.0." + (ROWS - 1) / 256 + "." + (ROWS - 1) % 256));
        }
    }

    /**
     * A value the database refuses fails its batch; each of the batch's values is then asked alone, under a
     * savepoint of the transaction, so the first refused value in file order is named, whatever column it is in.
     */
    @Test
    void refusedValueInALaterBatchIsNamedByItsLine() throws Exception {
        try (DataHarness h = harness()) {
            h.file("t", rows(ROWS - 200, ROWS - 300));
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("t.jsonl:" + (ROWS - 300 + 1) + ": column 'ip': the database refuses \"10.0.300.1\" as inet");
            assertThat(h.rows("SELECT count(*) FROM t")).containsExactly(List.of("0"));
        }
    }

    /** A table of money and inet keyed by id, and a data set replacing it. */
    private DataHarness harness() {
        DataHarness h = DataHarness.atHead(dir, "postgres", "CREATE TABLE t (id int PRIMARY KEY, m money, ip inet);");
        h.manifest("""
                [all]
                files = [{ name = "t", table = "t", mode = "replace", on = ["id"] }]
                """);
        return h;
    }

    /**
     * Rows whose money is written with three decimals and whose inet carries its /32, both forms the column
     * rewrites; row {@code badMoney} has money the server refuses, row {@code badInet} an inet it refuses.
     */
    private static String[] rows(int badMoney, int badInet) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String money = i == badMoney ? "twelve" : i + ".500";
            String inet = i == badInet ? "10.0.300.1" : "10.0." + i / 256 + "." + i % 256 + "/32";
            lines.add("{\"id\": " + i + ", \"ip\": \"" + inet + "\", \"m\": \"" + money + "\"}");
        }
        return lines.toArray(String[]::new);
    }
}
