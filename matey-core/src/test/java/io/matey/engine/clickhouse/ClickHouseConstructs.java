package io.matey.engine.clickhouse;

import io.matey.testing.Construct;
import java.util.List;

/**
 * The ClickHouse construct corpus of issue 10: one migration per construct, each with an exact down section, in an
 * order where later ones may use earlier ones.
 */
public final class ClickHouseConstructs {

    public static final List<Construct> ALL = List.of(
            new Construct("merge_tree", """
                    CREATE TABLE events (
                      id UInt64,
                      at DateTime64(3, 'UTC'),
                      kind LowCardinality(String),
                      user_id Nullable(UInt64),
                      payload String CODEC(ZSTD(3)),
                      seq UInt32 CODEC(Delta, LZ4),
                      day Date MATERIALIZED toDate(at),
                      hour UInt8 ALIAS toHour(at),
                      note String DEFAULT '' COMMENT 'Free text',
                      secret String TTL toDateTime(at) + INTERVAL 30 DAY,
                      CONSTRAINT events_kind CHECK kind IN ('view', 'click', 'buy')
                    ) ENGINE = MergeTree
                    PARTITION BY toYYYYMM(at)
                    PRIMARY KEY (kind, id)
                    ORDER BY (kind, id, at)
                    SAMPLE BY id
                    TTL toDateTime(at) + INTERVAL 1 YEAR DELETE
                    SETTINGS index_granularity = 4096
                    COMMENT 'Raw events';
                    """, """
                    DROP TABLE events;
                    """),
            new Construct("merge_tree_family", """
                    CREATE TABLE users (id UInt64, name String, version UInt32, deleted UInt8)
                      ENGINE = ReplacingMergeTree(version, deleted) ORDER BY id;
                    CREATE TABLE daily_totals (day Date, kind String, events UInt64, spent Decimal(18, 2))
                      ENGINE = SummingMergeTree((events, spent)) ORDER BY (day, kind);
                    CREATE TABLE daily_uniques (day Date, users AggregateFunction(uniq, UInt64))
                      ENGINE = AggregatingMergeTree ORDER BY day;
                    CREATE TABLE balances (account UInt64, amount Int64, sign Int8)
                      ENGINE = CollapsingMergeTree(sign) ORDER BY account;
                    CREATE TABLE positions (account UInt64, amount Int64, sign Int8, version UInt32)
                      ENGINE = VersionedCollapsingMergeTree(sign, version) ORDER BY account;
                    """, """
                    DROP TABLE positions;
                    DROP TABLE balances;
                    DROP TABLE daily_uniques;
                    DROP TABLE daily_totals;
                    DROP TABLE users;
                    """),
            new Construct("types", """
                    CREATE TABLE shapes (
                      id UUID DEFAULT generateUUIDv4(),
                      state Enum8('new' = 1, 'done' = 2) DEFAULT 'new',
                      tags Array(LowCardinality(String)),
                      attributes Map(String, Float64),
                      point Tuple(x Float32, y Float32),
                      address IPv6,
                      flags FixedString(4),
                      big Int256,
                      nested Nested(key String, value UInt32)
                    ) ENGINE = MergeTree ORDER BY tuple();
                    """, """
                    DROP TABLE shapes;
                    """),
            new Construct("skipping_indexes_and_projections", """
                    CREATE TABLE requests (
                      at DateTime,
                      path String,
                      status UInt16,
                      duration_ms UInt32,
                      INDEX requests_status status TYPE set(100) GRANULARITY 2,
                      INDEX requests_duration duration_ms TYPE minmax GRANULARITY 1,
                      INDEX requests_path path TYPE bloom_filter(0.01) GRANULARITY 4,
                      INDEX requests_words path TYPE tokenbf_v1(1024, 3, 0) GRANULARITY 1,
                      INDEX requests_grams lower(path) TYPE ngrambf_v1(3, 1024, 2, 0) GRANULARITY 1,
                      PROJECTION requests_by_status (SELECT status, count() GROUP BY status),
                      PROJECTION requests_by_path (SELECT * ORDER BY path)
                    ) ENGINE = MergeTree ORDER BY at;
                    """, """
                    DROP TABLE requests;
                    """),
            new Construct("other_engines", """
                    CREATE TABLE audit_log (at DateTime, line String) ENGINE = Log;
                    CREATE TABLE recent (id UInt64) ENGINE = Memory;
                    CREATE TABLE discarded (id UInt64) ENGINE = Null;
                    CREATE TABLE events_buffer AS events ENGINE = Buffer(currentDatabase(), events, 1, 10, 100, 1000, 10000, 100000, 1000000);
                    CREATE TABLE all_events AS events ENGINE = Merge(currentDatabase(), '^events$');
                    """, """
                    DROP TABLE all_events;
                    DROP TABLE events_buffer;
                    DROP TABLE discarded;
                    DROP TABLE recent;
                    DROP TABLE audit_log;
                    """),
            new Construct("materialized_views", """
                    CREATE MATERIALIZED VIEW daily_totals_mv TO daily_totals AS
                      SELECT toDate(at) AS day, kind, count() AS events, toDecimal64(0, 2) AS spent FROM events GROUP BY day, kind;
                    CREATE MATERIALIZED VIEW clicks ENGINE = MergeTree ORDER BY id POPULATE AS
                      SELECT id, at FROM events WHERE kind = 'click';
                    """, """
                    DROP VIEW clicks;
                    DROP VIEW daily_totals_mv;
                    """),
            new Construct("views", """
                    CREATE VIEW busy_days AS SELECT day, sum(events) AS n FROM daily_totals GROUP BY day HAVING n > 100;
                    CREATE VIEW events_of_kind AS SELECT id, at FROM events WHERE kind = {kind:String};
                    CREATE VIEW click_days AS SELECT toDate(at) AS day, count() AS n FROM clicks GROUP BY day;
                    """, """
                    DROP VIEW click_days;
                    DROP VIEW events_of_kind;
                    DROP VIEW busy_days;
                    """),
            new Construct("dictionary", """
                    CREATE TABLE kind_labels (kind String, label String) ENGINE = MergeTree ORDER BY kind;
                    CREATE DICTIONARY kind_dict (kind String, label String DEFAULT '?')
                      PRIMARY KEY kind
                      SOURCE(CLICKHOUSE(TABLE 'kind_labels'))
                      LIFETIME(MIN 60 MAX 300)
                      LAYOUT(COMPLEX_KEY_HASHED())
                      COMMENT 'Labels of event kinds';
                    CREATE VIEW labelled_events AS SELECT id, dictGet('kind_dict', 'label', tuple(kind)) AS label FROM events;
                    """, """
                    DROP VIEW labelled_events;
                    DROP DICTIONARY kind_dict;
                    DROP TABLE kind_labels;
                    """),
            new Construct("range_dictionary", """
                    CREATE TABLE prices (sku UInt64, valid_from Date, valid_to Date, price Float64)
                      ENGINE = MergeTree ORDER BY (sku, valid_from);
                    CREATE DICTIONARY price_dict (sku UInt64, valid_from Date, valid_to Date, price Float64)
                      PRIMARY KEY sku
                      SOURCE(CLICKHOUSE(TABLE 'prices'))
                      LIFETIME(0)
                      LAYOUT(RANGE_HASHED())
                      RANGE(MIN valid_from MAX valid_to);
                    CREATE TABLE priced (sku UInt64, day Date, price Float64 DEFAULT dictGet('price_dict', 'price', sku, day))
                      ENGINE = MergeTree ORDER BY sku;
                    """, """
                    DROP TABLE priced;
                    DROP DICTIONARY price_dict;
                    DROP TABLE prices;
                    """),
            new Construct("key_value_engines", """
                    CREATE TABLE user_names (id UInt64, name String) ENGINE = Join(ANY, LEFT, id);
                    CREATE TABLE blocked (id UInt64) ENGINE = Set;
                    CREATE TABLE sessions (id String, user_id UInt64, seen DateTime) ENGINE = EmbeddedRocksDB PRIMARY KEY id;
                    """, """
                    DROP TABLE sessions;
                    DROP TABLE blocked;
                    DROP TABLE user_names;
                    """),
            new Construct("refreshable_view", """
                    CREATE MATERIALIZED VIEW kind_counts REFRESH EVERY 1 HOUR ENGINE = MergeTree ORDER BY kind AS
                      SELECT kind, count() AS n FROM events GROUP BY kind;
                    """, """
                    DROP VIEW kind_counts;
                    """));

    private ClickHouseConstructs() {
    }
}
