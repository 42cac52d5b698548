-- migrate:up
ALTER TABLE users ADD COLUMN traits Map(LowCardinality(String), Array(String)) AFTER attributes;

-- migrate:down
ALTER TABLE users DROP COLUMN traits;
