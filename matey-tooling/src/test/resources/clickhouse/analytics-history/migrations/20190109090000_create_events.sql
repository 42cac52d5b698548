-- migrate:up
CREATE TABLE events
(
    event_id UUID,
    event_time DateTime,
    user_id UInt64,
    event_type String,
    page_url String,
    properties String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (event_type, event_time);

-- migrate:down
DROP TABLE events;
