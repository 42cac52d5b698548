-- migrate:up
CREATE TABLE users
(
    user_id UInt64,
    version UInt32,
    email String,
    plan LowCardinality(String) DEFAULT 'free',
    country LowCardinality(Nullable(String)),
    signed_up_at DateTime('UTC'),
    attributes Map(String, String),
    is_deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY user_id
SETTINGS index_granularity = 8192

-- migrate:down
DROP TABLE users
