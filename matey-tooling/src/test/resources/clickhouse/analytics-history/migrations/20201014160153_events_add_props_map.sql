-- migrate:up
ALTER TABLE events ADD COLUMN props Map(String, String) AFTER properties;

-- migrate:down
ALTER TABLE events DROP COLUMN props;
