package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types the driver reads as no data file value on the real server (a Point as a Java array's name, a Time64 without
 * its fraction, a BFloat16 or an Array(Point) not at all, an Interval as a Period it cannot convert) are refused at
 * the data.toml entry, naming the column and its type, before a row is read, by export and apply alike.
 */
class ClickHouseUnreadTypesTest {

    @TempDir
    Path dir;

    @Test
    void typesTheDriverReadsAsNoValueAreRefusedByColumnBeforeAnyRow() throws Exception {
        String[] types = {"Point", "Array(Point)", "Tuple(p Polygon, s String)", "BFloat16", "IntervalDay", "Time64(3)"};
        String[] values = {"(1.5, 2)", "[(1, 2)]", "([[(1, 2)]], 'a')", "1.5", "toIntervalDay(3)", "'12:34:56.789'"};
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            down.append("DROP TABLE t").append(i).append(";\n");
            up.append("CREATE TABLE t").append(i).append(" (id UInt64, v ").append(types[i])
                    .append(") ENGINE = MergeTree ORDER BY id SETTINGS enable_time_time64_type = 1;\n");
        }
        ws.migration("001_t.sql", up.toString(), down.toString());
        ws.apply();
        try (TestDatabase db = TestDatabase.unborn("clickhouse")) {
            ws.matey().dbBootstrap(ws.matey().target(TestWorkspace.TARGET), db.url().raw(), line -> { });
            for (int i = 0; i < types.length; i++) {
                db.execute("INSERT INTO t" + i + " VALUES (1, " + values[i] + ")");
                ws.write(TestWorkspace.TARGET + "/data/data.toml", "[all]\nfiles = [{ name = \"t" + i + "\", table = \"t"
                        + i + "\", mode = \"replace\" }]\n");
                ws.write(TestWorkspace.TARGET + "/data/t" + i + ".jsonl", "{\"id\": 1}\n");
                String refusal = "data/data.toml:2: data set 'all', file 1: data file 't" + i + "': column 'v' ("
                        + types[i] + ") of table 't" + i + "' holds ";
                assertThatThrownBy(() -> new MateyTools(ws.matey()).dataExport(ws.matey().target(TestWorkspace.TARGET),
                        db.url().raw(), "all")).isInstanceOf(MateyException.class).hasMessageContaining(refusal)
                        .hasMessageContaining("which the ClickHouse driver does not read as values a data file can hold");
                assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(ws.matey().target(TestWorkspace.TARGET),
                        db.url().raw(), "all")).isInstanceOf(MateyException.class).hasMessageContaining(refusal);
            }
        }
    }
}
