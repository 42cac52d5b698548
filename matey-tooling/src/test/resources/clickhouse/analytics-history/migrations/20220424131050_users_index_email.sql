-- migrate:up
ALTER TABLE users ADD INDEX idx_email email TYPE bloom_filter GRANULARITY 4;

-- migrate:down
ALTER TABLE users DROP INDEX idx_email;
