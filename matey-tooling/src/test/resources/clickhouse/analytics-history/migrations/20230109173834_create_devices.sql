-- migrate:up
CREATE TABLE devices
(
    device_id UUID,
    user_id UInt64,
    platform LowCardinality(String),
    os_version String,
    app_version String,
    first_seen DateTime,
    last_seen DateTime
)
ENGINE = ReplacingMergeTree(last_seen)
ORDER BY (user_id, device_id);

-- migrate:down
DROP TABLE devices;
