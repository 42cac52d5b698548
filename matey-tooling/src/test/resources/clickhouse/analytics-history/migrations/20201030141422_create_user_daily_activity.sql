-- migrate:up
CREATE TABLE user_daily_activity
(
    day Date,
    country LowCardinality(String),
    active_users AggregateFunction(uniq, UInt64),
    events SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (day, country);

-- migrate:down
DROP TABLE user_daily_activity;
