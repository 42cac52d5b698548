-- migrate:up
CREATE TABLE sessions_v2
(
    session_id UUID,
    user_id UInt64,
    started_at DateTime64(3),
    ended_at Nullable(DateTime64(3)),
    page_views UInt32,
    entry_page String,
    country LowCardinality(String),
    device_type LowCardinality(String),
    sign Int8,
    version UInt32
)
ENGINE = VersionedCollapsingMergeTree(sign, version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (user_id, session_id);

-- migrate:down
DROP TABLE sessions_v2;
