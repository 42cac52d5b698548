-- migrate:up
CREATE TABLE experiments
(
    experiment_id UInt32,
    name String,
    variants Array(String),
    started_at DateTime,
    ended_at Nullable(DateTime),
    version UInt32
)
ENGINE = ReplacingMergeTree(version)
ORDER BY experiment_id;

-- migrate:down
DROP TABLE experiments;
