-- migrate:up
ALTER TABLE events ADD INDEX idx_user_id user_id TYPE minmax GRANULARITY 4;

-- migrate:down
ALTER TABLE events DROP INDEX idx_user_id;
