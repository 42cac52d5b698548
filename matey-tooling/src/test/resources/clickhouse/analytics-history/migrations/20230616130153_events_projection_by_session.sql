-- migrate:up
ALTER TABLE events ADD PROJECTION by_session
(
    SELECT event_time, session_id, event_type, page_url
    ORDER BY session_id
);

-- migrate:down
ALTER TABLE events DROP PROJECTION by_session;
