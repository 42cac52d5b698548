-- migrate:up
ALTER TABLE api_requests ADD INDEX idx_status status TYPE set(64) GRANULARITY 1;

-- migrate:down
ALTER TABLE api_requests DROP INDEX idx_status;
