-- migrate:up
CREATE MATERIALIZED VIEW daily_event_counts_mv TO daily_event_counts AS
SELECT
    toDate(event_time) AS day,
    event_type,
    count() AS events
FROM events
GROUP BY day, event_type;

-- migrate:down
DROP VIEW daily_event_counts_mv;
