-- migrate:up
ALTER TABLE events DROP COLUMN properties;

-- migrate:down
ALTER TABLE events ADD COLUMN properties String AFTER device_type;
