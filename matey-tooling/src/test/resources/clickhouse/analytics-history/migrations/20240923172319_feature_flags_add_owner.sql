-- migrate:up
ALTER TABLE feature_flags ADD COLUMN owner LowCardinality(String) DEFAULT '' AFTER description;

-- migrate:down
ALTER TABLE feature_flags DROP COLUMN owner;
