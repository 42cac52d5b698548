-- migrate:up
DROP VIEW daily_event_counts_mv;

-- migrate:down
CREATE MATERIALIZED VIEW daily_event_counts_mv TO daily_event_counts
(
    day Date,
    event_type String,
    events UInt64
) AS
SELECT
    toDate(event_time) AS day,
    event_type,
    count() AS events
FROM events
GROUP BY day, event_type;
