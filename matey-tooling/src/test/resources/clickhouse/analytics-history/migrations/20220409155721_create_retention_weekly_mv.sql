-- migrate:up
CREATE MATERIALIZED VIEW retention_weekly_mv TO retention_weekly AS
SELECT
    toMonday(u.created_at) AS cohort_week,
    toMonday(e.event_time) AS activity_week,
    uniqCombinedState(e.user_id) AS users
FROM events AS e
INNER JOIN users AS u ON u.user_id = e.user_id
GROUP BY cohort_week, activity_week;

-- migrate:down
DROP VIEW retention_weekly_mv;
