-- migrate:up
-- matey:nolint L401 the JSON string was copied into the properties map in 2020
ALTER TABLE events DROP COLUMN properties;

-- migrate:down
ALTER TABLE events ADD COLUMN properties String AFTER device_type;
