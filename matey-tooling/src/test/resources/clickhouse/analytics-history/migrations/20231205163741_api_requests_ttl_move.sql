-- migrate:up
ALTER TABLE api_requests MODIFY TTL request_time + INTERVAL 7 DAY TO DISK 'default', request_time + INTERVAL 90 DAY;

-- migrate:down
ALTER TABLE api_requests MODIFY TTL request_time + INTERVAL 90 DAY;
