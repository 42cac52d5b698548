package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ClickHouse table TTL drops rows already expired as they are inserted: data apply reports them apart, so the
 * counts never claim rows the table does not hold (README "Data sets on ClickHouse").
 */
class DataExpiredRowsTest {

    private static final String EVENTS = "CREATE TABLE events (id UInt32, at DateTime('UTC')) ENGINE = MergeTree "
            + "ORDER BY id TTL at + INTERVAL 1 DAY;";

    @TempDir
    Path dir;

    @Test
    void rowsTheTtlDropsAtOnceAreReportedAsExpired() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse", EVENTS)) {
            h.manifest("[core]\nfiles = [{ name = \"events\", table = \"events\", mode = \"upsert\", on = [\"id\"] }]\n");
            h.file("events", "{\"id\": 1, \"at\": \"2099-01-01T00:00:00\"}", "{\"id\": 2, \"at\": \"2020-01-01T00:00:00\"}",
                    "{\"id\": 3, \"at\": \"2019-06-01T00:00:00\"}");

            assertThat(h.apply(null).files()).containsExactly(
                    new AppliedFile("events", "events", DataMode.UPSERT, 3, 3, 0, 0, 2));
            try (Connection c = h.db.connect(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id FROM events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
            // the expired keys are missing again, so a second apply inserts them again, and the TTL drops them again
            assertThat(h.apply(null).files()).containsExactly(
                    new AppliedFile("events", "events", DataMode.UPSERT, 3, 2, 0, 0, 2));
        }
    }

    /**
     * On a ReplacingMergeTree with a TTL, rows are counted as apply compares them, settled ({@code FINAL}): a key
     * held twice until a merge is one row when it is deleted, and a new version written in place of the table's
     * (counted as updated) is kept, not expired.
     */
    @Test
    void unmergedVersionsOfAReplacingMergeTreeAreNotCountedAsExpired() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse", "CREATE TABLE users (id UInt32, name String, "
                + "ver UInt32, at DateTime('UTC')) ENGINE = ReplacingMergeTree(ver) ORDER BY id TTL at + INTERVAL 1 DAY;")) {
            h.db.execute("INSERT INTO users VALUES (1, 'old', 1, '2099-01-01 00:00:00');\n"
                    + "INSERT INTO users VALUES (1, 'new', 2, '2099-01-01 00:00:00');\n"
                    + "INSERT INTO users VALUES (2, 'b', 1, '2099-01-01 00:00:00');\n");
            assertThat(h.rows("SELECT count() FROM users")).as("id 1 unmerged").containsExactly(List.of("3"));
            h.manifest("[core]\nfiles = [{ name = \"users\", table = \"users\", mode = \"replace\", on = [\"id\"] }]\n");
            h.file("users", "{\"at\": \"2099-01-01T00:00:00\", \"id\": 2, \"name\": \"b\", \"ver\": 1}",
                    "{\"at\": \"2020-01-01T00:00:00\", \"id\": 3, \"name\": \"c\", \"ver\": 1}");
            assertThat(h.apply(null).files()).containsExactly(
                    new AppliedFile("users", "users", DataMode.REPLACE, 2, 1, 0, 1, 1));

            h.manifest("[core]\nfiles = [{ name = \"users\", table = \"users\", mode = \"upsert\", on = [\"id\", \"ver\"] }]\n");
            h.file("users", "{\"at\": \"2099-01-01T00:00:00\", \"id\": 2, \"name\": \"b2\", \"ver\": 2}",
                    "{\"at\": \"2020-01-01T00:00:00\", \"id\": 4, \"name\": \"d\", \"ver\": 1}");
            assertThat(h.apply(null).files()).containsExactly(
                    new AppliedFile("users", "users", DataMode.UPSERT, 2, 1, 1, 0, 1));
            assertThat(h.rows("SELECT id, name FROM users FINAL ORDER BY id")).containsExactly(List.of("2", "b2"));
        }
    }

    @Test
    void aTableWithoutTtlKeepsEveryRow() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "clickhouse",
                "CREATE TABLE events (id UInt32, at DateTime('UTC')) ENGINE = MergeTree ORDER BY id;")) {
            h.manifest("[core]\nfiles = [{ name = \"events\", table = \"events\", mode = \"insert\" }]\n");
            h.file("events", "{\"id\": 2, \"at\": \"2020-01-01T00:00:00\"}");

            assertThat(h.apply(null).files()).containsExactly(
                    new AppliedFile("events", "events", DataMode.INSERT, 1, 1, 0, 0, 0));
        }
    }
}
