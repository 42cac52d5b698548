-- migrate:up
ALTER TABLE sessions ADD COLUMN country LowCardinality(String) AFTER entry_page;

-- migrate:down
ALTER TABLE sessions DROP COLUMN country;
