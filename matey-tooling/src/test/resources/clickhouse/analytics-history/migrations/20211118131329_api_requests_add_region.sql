-- migrate:up
ALTER TABLE api_requests ADD COLUMN region LowCardinality(String) DEFAULT 'eu-west-1' AFTER status;

-- migrate:down
ALTER TABLE api_requests DROP COLUMN region;
