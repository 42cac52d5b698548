-- migrate:up
CREATE TABLE page_views
(
    view_time DateTime,
    user_id UInt64,
    session_id UUID,
    url String,
    title String,
    time_on_page_ms UInt32,
    scroll_depth UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(view_time)
ORDER BY (user_id, view_time)
TTL view_time + INTERVAL 18 MONTH;

-- migrate:down
DROP TABLE page_views;
