-- migrate:up
CREATE MATERIALIZED VIEW user_daily_activity_mv TO user_daily_activity AS
SELECT
    toDate(event_time) AS day,
    country,
    uniqState(user_id) AS active_users,
    count() AS events
FROM events
GROUP BY day, country;

-- migrate:down
DROP VIEW user_daily_activity_mv;
