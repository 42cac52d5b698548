-- migrate:up
ALTER TABLE events ADD COLUMN user_agent String AFTER referrer;

-- migrate:down
ALTER TABLE events DROP COLUMN user_agent;
