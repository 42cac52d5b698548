-- migrate:up
CREATE MATERIALIZED VIEW daily_event_counts_mv TO daily_event_counts AS
SELECT
    toDate(occurred_at) AS day,
    event_name,
    count() AS events,
    sum(revenue) AS revenue,
    uniqState(user_id) AS users
FROM events
GROUP BY day, event_name

-- migrate:down
DROP VIEW daily_event_counts_mv
