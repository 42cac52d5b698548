-- migrate:up
CREATE MATERIALIZED VIEW user_timeline_mv TO user_timeline AS
SELECT user_id, event_time, event_type, page_url, session_id
FROM events
WHERE user_id != 0;

-- migrate:down
DROP VIEW user_timeline_mv;
