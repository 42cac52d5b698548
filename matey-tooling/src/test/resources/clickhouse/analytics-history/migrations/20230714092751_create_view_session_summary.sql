-- migrate:up
CREATE VIEW session_summary AS
SELECT
    user_id,
    sum(page_views * sign) AS page_views,
    sum(sign) AS sessions
FROM sessions_v2
GROUP BY user_id
HAVING sessions > 0;

-- migrate:down
DROP VIEW session_summary;
