-- migrate:up
CREATE TABLE flag_evaluations
(
    evaluated_at DateTime CODEC(DoubleDelta, ZSTD(1)),
    flag_key LowCardinality(String),
    user_id UInt64,
    result UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(evaluated_at)
ORDER BY (flag_key, evaluated_at)
TTL evaluated_at + INTERVAL 7 DAY
SETTINGS ttl_only_drop_parts = 1;

-- migrate:down
DROP TABLE flag_evaluations;
