-- migrate:up
CREATE TABLE notifications_sent
(
    sent_at DateTime,
    user_id UInt64,
    channel Enum8('email' = 1, 'push' = 2, 'sms' = 3, 'in_app' = 4),
    template LowCardinality(String),
    payload String TTL sent_at + INTERVAL 30 DAY,
    delivered Nullable(UInt8)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(sent_at)
ORDER BY (user_id, sent_at)
TTL sent_at + INTERVAL 1 YEAR;

-- migrate:down
DROP TABLE notifications_sent;
