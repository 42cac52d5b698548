-- migrate:up
CREATE TABLE events
(
    event_id UUID DEFAULT generateUUIDv4(),
    occurred_at DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(3)),
    user_id UInt64 CODEC(Delta, LZ4),
    session_id Nullable(UUID),
    event_name LowCardinality(String),
    kind Enum8('view' = 1, 'click' = 2, 'purchase' = 3),
    properties Map(LowCardinality(String), String),
    tags Array(LowCardinality(String)),
    client_ip IPv4,
    client_ip6 Nullable(IPv6),
    revenue Decimal(18, 4) DEFAULT 0 CODEC(ZSTD(1)),
    load_ms Float64 CODEC(Gorilla),
    user_agent String CODEC(LZ4HC(9)) TTL toDateTime(occurred_at) + INTERVAL 90 DAY,
    location Tuple(lat Float64, lon Float64),
    note Nullable(String) COMMENT 'free text from the client',
    INDEX idx_event_name event_name TYPE set(100) GRANULARITY 2,
    INDEX idx_user_agent user_agent TYPE tokenbf_v1(1024, 3, 0) GRANULARITY 4,
    INDEX idx_revenue revenue TYPE minmax GRANULARITY 1,
    INDEX idx_session session_id TYPE bloom_filter(0.01) GRANULARITY 2,
    PROJECTION by_user
    (
        SELECT user_id, event_name, count()
        GROUP BY user_id, event_name
    )
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(occurred_at)
PRIMARY KEY (event_name, user_id)
ORDER BY (event_name, user_id, occurred_at)
SAMPLE BY user_id
TTL toDateTime(occurred_at) + INTERVAL 1 MONTH TO DISK 'default',
    toDateTime(occurred_at) + INTERVAL 2 YEAR DELETE
SETTINGS index_granularity = 4096, merge_with_ttl_timeout = 86400
COMMENT 'raw product events, one row per client event'

-- migrate:down
DROP TABLE events
