-- migrate:up
CREATE TABLE daily_event_counts
(
    day Date,
    event_name LowCardinality(String),
    events SimpleAggregateFunction(sum, UInt64),
    revenue SimpleAggregateFunction(sum, Decimal(38, 4)),
    users AggregateFunction(uniq, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (day, event_name)
TTL day + INTERVAL 3 YEAR

-- migrate:down
DROP TABLE daily_event_counts
