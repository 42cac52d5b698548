-- migrate:up
CREATE TABLE experiment_exposures
(
    exposed_at DateTime,
    experiment_id UInt32,
    variant LowCardinality(String),
    user_id UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(exposed_at)
ORDER BY (experiment_id, variant, user_id);

-- migrate:down
DROP TABLE experiment_exposures;
