-- migrate:up
ALTER TABLE errors MODIFY TTL toDateTime(occurred_at) + INTERVAL 30 DAY;

-- migrate:down
ALTER TABLE errors MODIFY TTL toDateTime(occurred_at) + INTERVAL 14 DAY;
