-- migrate:up
ALTER TABLE events ADD INDEX idx_property_keys mapKeys(properties) TYPE bloom_filter(0.01) GRANULARITY 4;

-- migrate:down
ALTER TABLE events DROP INDEX idx_property_keys;
