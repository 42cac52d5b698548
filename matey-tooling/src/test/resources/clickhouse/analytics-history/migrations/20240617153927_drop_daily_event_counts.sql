-- migrate:up
-- matey:nolint L401 daily_event_counts_by_country holds the same counts since 2024-06
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
