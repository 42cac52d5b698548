-- migrate:up
ALTER TABLE events ADD COLUMN country FixedString(2) AFTER user_agent;

-- migrate:down
ALTER TABLE events DROP COLUMN country;
