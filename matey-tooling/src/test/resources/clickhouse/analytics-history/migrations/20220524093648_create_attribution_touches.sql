-- migrate:up
CREATE TABLE attribution_touches
(
    touched_at DateTime,
    user_id UInt64,
    campaign_id UInt32,
    utm Map(LowCardinality(String), String),
    weight Float32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(touched_at)
ORDER BY (campaign_id, user_id, touched_at);

-- migrate:down
DROP TABLE attribution_touches;
