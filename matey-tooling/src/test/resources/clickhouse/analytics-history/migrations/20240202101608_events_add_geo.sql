-- migrate:up
ALTER TABLE events ADD COLUMN geo Tuple(lat Float32, lon Float32) AFTER country;

-- migrate:down
ALTER TABLE events DROP COLUMN geo;
