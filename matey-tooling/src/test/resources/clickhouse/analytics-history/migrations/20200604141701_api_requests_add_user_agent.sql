-- migrate:up
ALTER TABLE api_requests ADD COLUMN user_agent String CODEC(ZSTD(3)) AFTER client_ip6;

-- migrate:down
ALTER TABLE api_requests DROP COLUMN user_agent;
