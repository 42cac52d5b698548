-- migrate:up
ALTER TABLE users MODIFY TTL updated_at + INTERVAL 30 DAY DELETE WHERE is_deleted = 1;

-- migrate:down
ALTER TABLE users REMOVE TTL;
