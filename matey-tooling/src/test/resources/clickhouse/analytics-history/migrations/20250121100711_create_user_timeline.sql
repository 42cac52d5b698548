-- migrate:up
CREATE TABLE user_timeline
(
    user_id UInt64,
    event_time DateTime,
    event_type LowCardinality(String),
    page_url String,
    session_id UUID
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (user_id, event_time)
TTL event_time + INTERVAL 13 MONTH
SETTINGS index_granularity = 2048;

-- migrate:down
DROP TABLE user_timeline;
