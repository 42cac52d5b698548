-- migrate:up
CREATE TABLE daily_event_counts
(
    day Date,
    event_type String,
    events UInt64
)
ENGINE = SummingMergeTree(events)
PARTITION BY toYYYYMM(day)
ORDER BY (day, event_type);

-- migrate:down
DROP TABLE daily_event_counts;
