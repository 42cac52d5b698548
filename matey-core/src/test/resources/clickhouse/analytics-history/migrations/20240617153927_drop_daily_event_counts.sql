-- migrate:up
DROP TABLE daily_event_counts;

-- migrate:down
CREATE TABLE daily_event_counts
(
    day Date,
    event_type String,
    events UInt64
)
ENGINE = SummingMergeTree(events)
PARTITION BY toYYYYMM(day)
ORDER BY (day, event_type);
