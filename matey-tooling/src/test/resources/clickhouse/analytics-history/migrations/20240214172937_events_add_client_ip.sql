-- migrate:up
ALTER TABLE events ADD COLUMN client_ip IPv6 AFTER geo;

-- migrate:down
ALTER TABLE events DROP COLUMN client_ip;
