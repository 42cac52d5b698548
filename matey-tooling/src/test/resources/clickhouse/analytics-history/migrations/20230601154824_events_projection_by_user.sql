-- migrate:up
ALTER TABLE events ADD PROJECTION by_user
(
    SELECT user_id, event_type, count()
    GROUP BY user_id, event_type
);

-- migrate:down
ALTER TABLE events DROP PROJECTION by_user;
