-- migrate:up
CREATE TABLE cohorts
(
    cohort_id UInt32,
    name String,
    definition String,
    created_at DateTime,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY cohort_id;

-- migrate:down
DROP TABLE cohorts;
