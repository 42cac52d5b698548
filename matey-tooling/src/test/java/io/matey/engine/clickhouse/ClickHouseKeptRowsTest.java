package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.DataDialect.RowValues;
import io.matey.data.ValueException;
import io.matey.testing.CountingConnection;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The check of rows a table would not keep as written asks the server about a file's column TTLs a batch of rows at
 * a time, so its queries do not grow by row, and still names the row whose value has expired.
 */
class ClickHouseKeptRowsTest {

    private static final ClickHouseDataDialect DIALECT = new ClickHouseDataDialect();
    private static final LocalDateTime FUTURE = LocalDateTime.of(2099, 1, 1, 0, 0);
    private static final LocalDateTime PAST = LocalDateTime.of(2020, 1, 1, 0, 0);

    @Test
    void columnTtlsAreAskedWithoutAQueryPerRow() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            db.execute("CREATE TABLE visits (id UInt64, ts DateTime, referrer Nullable(String) TTL ts + INTERVAL 30 DAY, "
                    + "campaign String TTL toDate(ts) + 7) ENGINE = MergeTree ORDER BY id");
            assertThat(statementsToCheck(db, 400)).isEqualTo(statementsToCheck(db, 2));

            List<RowValues> rows = rows(400);
            rows.set(250, row(251, PAST, "b", null));
            rows.set(300, row(301, PAST, null, "c"));
            try (Connection c = db.connect()) {
                DataDialect.RowsCheck check = DIALECT.keptRows(c, "visits", columns(), rows);
                check.check(0);
                check.check(399);
                assertThatThrownBy(() -> check.check(250)).isInstanceOf(ValueException.class)
                        .hasMessageStartingWith("column 'referrer': its TTL ts + toIntervalDay(30) has already expired");
                assertThatThrownBy(() -> check.check(300)).isInstanceOf(ValueException.class)
                        .hasMessageStartingWith("column 'campaign': its TTL toDate(ts) + 7 has already expired");
            }
        }
    }

    private static int statementsToCheck(TestDatabase db, int rows) throws SQLException {
        try (Connection c = db.connect()) {
            AtomicInteger statements = new AtomicInteger();
            DIALECT.keptRows(CountingConnection.of(c, statements), "visits", columns(), rows(rows));
            return statements.get();
        }
    }

    private static Map<String, ColumnType> columns() {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        columns.put("id", DIALECT.columnType("UInt64", "UInt64", 0, 0));
        columns.put("ts", DIALECT.columnType("DateTime", "DateTime", 0, 0));
        columns.put("referrer", DIALECT.columnType("Nullable(String)", "Nullable(String)", 0, 0));
        columns.put("campaign", DIALECT.columnType("String", "String", 0, 0));
        return columns;
    }

    /** Rows of future times, each with a referrer and a campaign, none expired. */
    private static List<RowValues> rows(int count) {
        List<RowValues> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(row(i, FUTURE, "r" + i, "c" + i));
        }
        return rows;
    }

    private static RowValues row(long id, LocalDateTime ts, String referrer, String campaign) {
        List<String> names = new ArrayList<>(List.of("id", "ts"));
        List<Object> values = new ArrayList<>(List.of(id, ts));
        if (referrer != null) {
            names.add("referrer");
            values.add(referrer);
        }
        if (campaign != null) {
            names.add("campaign");
            values.add(campaign);
        }
        return new RowValues(names, values.toArray());
    }
}
