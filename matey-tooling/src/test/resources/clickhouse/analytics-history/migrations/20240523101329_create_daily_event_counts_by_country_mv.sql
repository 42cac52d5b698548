-- migrate:up
CREATE MATERIALIZED VIEW daily_event_counts_by_country_mv TO daily_event_counts_by_country AS
SELECT
    toDate(event_time) AS day,
    event_type,
    country,
    count() AS events
FROM events
GROUP BY day, event_type, country;

-- migrate:down
DROP VIEW daily_event_counts_by_country_mv;
