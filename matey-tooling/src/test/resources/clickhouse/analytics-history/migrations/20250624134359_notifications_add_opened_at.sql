-- migrate:up
ALTER TABLE notifications_sent ADD COLUMN opened_at Nullable(DateTime) AFTER delivered;

-- migrate:down
ALTER TABLE notifications_sent DROP COLUMN opened_at;
