-- migrate:up
CREATE TABLE errors
(
    occurred_at DateTime64(3, 'UTC'),
    service LowCardinality(String),
    level Enum8('debug' = 0, 'info' = 1, 'warning' = 2, 'error' = 3, 'fatal' = 4),
    message String,
    stack_trace String CODEC(ZSTD(6)),
    fingerprint UInt64,
    INDEX idx_message message TYPE tokenbf_v1(8192, 3, 0) GRANULARITY 4
)
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(occurred_at)
ORDER BY (service, fingerprint, occurred_at)
TTL toDateTime(occurred_at) + INTERVAL 14 DAY;

-- migrate:down
DROP TABLE errors;
