-- migrate:up
ALTER TABLE events ADD COLUMN utm_medium LowCardinality(Nullable(String)) AFTER utm_source;

-- migrate:down
ALTER TABLE events DROP COLUMN utm_medium;
