-- migrate:up
CREATE TABLE api_requests
(
    request_time DateTime CODEC(Delta, ZSTD(1)),
    request_id UUID,
    client_ip IPv4,
    method LowCardinality(String),
    path String,
    status UInt16,
    duration_ms UInt32 CODEC(T64, ZSTD(1)),
    response_bytes UInt64
)
ENGINE = MergeTree
PARTITION BY toDate(request_time)
ORDER BY (path, request_time, cityHash64(request_id))
SAMPLE BY cityHash64(request_id)
TTL request_time + INTERVAL 30 DAY;

-- migrate:down
DROP TABLE api_requests;
