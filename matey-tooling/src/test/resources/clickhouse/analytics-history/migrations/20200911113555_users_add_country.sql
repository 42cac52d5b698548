-- migrate:up
ALTER TABLE users ADD COLUMN country LowCardinality(String) AFTER plan;

-- migrate:down
ALTER TABLE users DROP COLUMN country;
