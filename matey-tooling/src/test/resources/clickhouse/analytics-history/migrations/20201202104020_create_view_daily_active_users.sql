-- migrate:up
CREATE VIEW daily_active_users AS
SELECT
    day,
    country,
    uniqMerge(active_users) AS users
FROM user_daily_activity
GROUP BY day, country;

-- migrate:down
DROP VIEW daily_active_users;
