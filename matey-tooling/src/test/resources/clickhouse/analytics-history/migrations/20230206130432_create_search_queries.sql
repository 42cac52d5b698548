-- migrate:up
CREATE TABLE search_queries
(
    searched_at DateTime,
    user_id UInt64,
    query String,
    results UInt32,
    clicked_position Nullable(UInt8),
    INDEX idx_query query TYPE tokenbf_v1(10240, 3, 0) GRANULARITY 4
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(searched_at)
ORDER BY (searched_at, user_id);

-- migrate:down
DROP TABLE search_queries;
