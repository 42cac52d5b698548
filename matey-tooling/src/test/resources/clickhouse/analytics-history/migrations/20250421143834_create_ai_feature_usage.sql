-- migrate:up
CREATE TABLE ai_feature_usage
(
    day Date,
    feature LowCardinality(String),
    users AggregateFunction(uniq, UInt64),
    p95_latency AggregateFunction(quantile(0.95), UInt32),
    requests SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (day, feature);

-- migrate:down
DROP TABLE ai_feature_usage;
