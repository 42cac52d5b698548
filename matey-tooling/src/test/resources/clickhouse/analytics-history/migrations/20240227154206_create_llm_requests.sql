-- migrate:up
CREATE TABLE llm_requests
(
    requested_at DateTime64(6, 'UTC'),
    request_id UUID,
    user_id UInt64,
    model LowCardinality(String),
    prompt_tokens UInt32,
    completion_tokens UInt32,
    latency_ms UInt32 CODEC(T64, ZSTD(1)),
    cost_usd Decimal(12, 6),
    metadata Map(LowCardinality(String), String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(requested_at)
ORDER BY (model, requested_at)
TTL toDateTime(requested_at) + INTERVAL 180 DAY;

-- migrate:down
DROP TABLE llm_requests;
