package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The columns ClickHouse refuses to {@code ALTER TABLE ... UPDATE}, read from a real server's catalog: each is
 * checked against the server's own refusal, and the columns it lets an update set are left out.
 */
class ClickHouseKeyColumnsTest {

    @Test
    void keyVersionSignAndMaterializedSourceColumnsAreTheOnesAnUpdateCannotSet() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            db.execute("""
                    CREATE TABLE replacing (name String, v String, updated UInt32, del UInt8)
                    ENGINE = ReplacingMergeTree(updated, del) ORDER BY name;
                    CREATE TABLE collapsing (k UInt32, v String, sign Int8, ver UInt32)
                    ENGINE = VersionedCollapsingMergeTree(sign, ver) ORDER BY k;
                    CREATE TABLE `odd ``name` (k UInt32, `s i` Int8) ENGINE = CollapsingMergeTree(`s i`) ORDER BY k;
                    CREATE TABLE plain (k UInt32, day Date, v String, h UInt64 MATERIALIZED cityHash64(v), s UInt32)
                    ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY (k, h) SAMPLE BY h;
                    CREATE TABLE unversioned (k UInt32, v String) ENGINE = ReplacingMergeTree ORDER BY k;
                    CREATE TABLE memory (k UInt32) ENGINE = Memory;""");
            try (Connection c = db.connect()) {
                String sorting = "in the table's sorting key (ORDER BY)";
                assertThat(ClickHouseKeyColumns.of(c, "replacing"))
                        .containsOnly(Map.entry("name", sorting), Map.entry("updated", "the ReplacingMergeTree version column"));
                assertThat(ClickHouseKeyColumns.of(c, "collapsing")).containsOnly(Map.entry("k", sorting),
                        Map.entry("ver", sorting), Map.entry("sign", "the VersionedCollapsingMergeTree sign column"));
                assertThat(ClickHouseKeyColumns.of(c, "odd `name"))
                        .containsOnly(Map.entry("k", sorting), Map.entry("s i", "the CollapsingMergeTree sign column"));
                assertThat(ClickHouseKeyColumns.of(c, "plain")).containsOnly(
                        Map.entry("k", sorting), Map.entry("h", sorting),
                        Map.entry("day", "in the table's partition key (PARTITION BY)"),
                        Map.entry("v", "read by MATERIALIZED column 'h', which is " + sorting));
                assertThat(ClickHouseKeyColumns.of(c, "unversioned")).containsOnly(Map.entry("k", sorting));
                assertThat(ClickHouseKeyColumns.of(c, "memory")).isEmpty();

                for (String refused : new String[] {"replacing UPDATE updated = 1", "collapsing UPDATE sign = 1",
                        "collapsing UPDATE ver = 1", "plain UPDATE day = today()", "plain UPDATE v = ''"}) {
                    assertThatThrownBy(() -> db.execute("ALTER TABLE " + refused
                            + " WHERE 0 SETTINGS mutations_sync = 2")).as(refused).hasMessageContaining("Cannot UPDATE");
                }
                for (String allowed : new String[] {"replacing UPDATE del = 1", "collapsing UPDATE v = ''",
                        "plain UPDATE s = 1"}) {
                    db.execute("ALTER TABLE " + allowed + " WHERE 0 SETTINGS mutations_sync = 2");
                }
            }
        }
    }
}
