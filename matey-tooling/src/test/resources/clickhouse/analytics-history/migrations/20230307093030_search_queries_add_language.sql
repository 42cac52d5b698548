-- migrate:up
ALTER TABLE search_queries ADD COLUMN language LowCardinality(String) DEFAULT 'en' AFTER query;

-- migrate:down
ALTER TABLE search_queries DROP COLUMN language;
