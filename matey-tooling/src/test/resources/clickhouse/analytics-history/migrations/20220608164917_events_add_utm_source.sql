-- migrate:up
ALTER TABLE events ADD COLUMN utm_source LowCardinality(Nullable(String)) AFTER referrer;

-- migrate:down
ALTER TABLE events DROP COLUMN utm_source;
