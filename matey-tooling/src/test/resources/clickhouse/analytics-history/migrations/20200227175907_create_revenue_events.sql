-- migrate:up
CREATE TABLE revenue_events
(
    event_time DateTime64(3),
    user_id UInt64,
    order_id String,
    amount Decimal(12, 2),
    currency LowCardinality(String),
    items Array(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (user_id, event_time);

-- migrate:down
DROP TABLE revenue_events;
