-- migrate:up
ALTER TABLE events ADD COLUMN session_id UUID AFTER user_id;

-- migrate:down
ALTER TABLE events DROP COLUMN session_id;
