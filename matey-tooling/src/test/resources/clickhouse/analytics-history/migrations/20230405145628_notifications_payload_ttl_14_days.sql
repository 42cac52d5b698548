-- migrate:up
ALTER TABLE notifications_sent MODIFY COLUMN payload String TTL sent_at + INTERVAL 14 DAY;

-- migrate:down
ALTER TABLE notifications_sent MODIFY COLUMN payload String TTL sent_at + INTERVAL 30 DAY;
