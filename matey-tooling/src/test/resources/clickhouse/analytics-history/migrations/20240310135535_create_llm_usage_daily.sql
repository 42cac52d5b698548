-- migrate:up
CREATE TABLE llm_usage_daily
(
    day Date,
    model LowCardinality(String),
    requests UInt64,
    prompt_tokens UInt64,
    completion_tokens UInt64,
    cost_usd Decimal(38, 6)
)
ENGINE = SummingMergeTree
ORDER BY (day, model);

-- migrate:down
DROP TABLE llm_usage_daily;
