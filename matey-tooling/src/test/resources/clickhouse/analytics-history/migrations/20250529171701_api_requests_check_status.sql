-- migrate:up
ALTER TABLE api_requests ADD CONSTRAINT valid_status CHECK status BETWEEN 100 AND 599;

-- migrate:down
ALTER TABLE api_requests DROP CONSTRAINT valid_status;
