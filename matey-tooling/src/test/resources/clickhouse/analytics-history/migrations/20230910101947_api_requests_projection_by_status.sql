-- migrate:up
ALTER TABLE api_requests ADD PROJECTION by_status
(
    SELECT status, path, count(), avg(duration_ms)
    GROUP BY status, path
);

-- migrate:down
ALTER TABLE api_requests DROP PROJECTION by_status;
