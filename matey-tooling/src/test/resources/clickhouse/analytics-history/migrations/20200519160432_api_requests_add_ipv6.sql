-- migrate:up
ALTER TABLE api_requests ADD COLUMN client_ip6 Nullable(IPv6) AFTER client_ip;

-- migrate:down
ALTER TABLE api_requests DROP COLUMN client_ip6;
