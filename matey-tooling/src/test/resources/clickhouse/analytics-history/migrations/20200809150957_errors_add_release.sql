-- migrate:up
ALTER TABLE errors ADD COLUMN release LowCardinality(String) AFTER service;

-- migrate:down
ALTER TABLE errors DROP COLUMN release;
