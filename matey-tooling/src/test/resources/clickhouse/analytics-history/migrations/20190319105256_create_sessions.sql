-- migrate:up
CREATE TABLE sessions
(
    session_id UUID,
    user_id UInt64,
    started_at DateTime,
    ended_at DateTime,
    page_views UInt16,
    sign Int8
)
ENGINE = CollapsingMergeTree(sign)
PARTITION BY toYYYYMM(started_at)
ORDER BY (user_id, session_id);

-- migrate:down
DROP TABLE sessions;
