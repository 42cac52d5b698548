-- migrate:up
ALTER TABLE events ADD COLUMN screen Tuple(width UInt16, height UInt16) AFTER device_type;

-- migrate:down
ALTER TABLE events DROP COLUMN screen;
