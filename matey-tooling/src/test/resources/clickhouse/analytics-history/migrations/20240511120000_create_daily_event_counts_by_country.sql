-- migrate:up
CREATE TABLE daily_event_counts_by_country
(
    day Date,
    event_type LowCardinality(String),
    country LowCardinality(String),
    events UInt64
)
ENGINE = SummingMergeTree(events)
PARTITION BY toYYYYMM(day)
ORDER BY (day, event_type, country);

-- migrate:down
DROP TABLE daily_event_counts_by_country;
