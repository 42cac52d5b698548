-- migrate:up
CREATE TABLE web_vitals
(
    measured_at DateTime CODEC(DoubleDelta, LZ4),
    page_url String,
    lcp Float64 CODEC(Gorilla, ZSTD(1)),
    fid Float64 CODEC(Gorilla, ZSTD(1)),
    cls Float64 CODEC(Gorilla, ZSTD(1)),
    device_type LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(measured_at)
ORDER BY (page_url, measured_at)
TTL measured_at + INTERVAL 1 YEAR;

-- migrate:down
DROP TABLE web_vitals;
