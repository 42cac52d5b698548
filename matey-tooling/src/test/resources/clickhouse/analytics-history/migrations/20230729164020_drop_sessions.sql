-- migrate:up
-- matey:nolint L401 sessions_v2 has carried every session since 2023-06
DROP TABLE sessions;

-- migrate:down
CREATE TABLE sessions
(
    session_id UUID,
    user_id UInt64,
    started_at DateTime,
    ended_at DateTime,
    page_views UInt16,
    entry_page String,
    country LowCardinality(String),
    sign Int8
)
ENGINE = CollapsingMergeTree(sign)
PARTITION BY toYYYYMM(started_at)
ORDER BY (user_id, session_id)
COMMENT 'collapsing: write sign -1 to cancel a row';
