-- migrate:up
ALTER TABLE revenue_events ADD COLUMN campaign_id Nullable(UInt32) AFTER currency;

-- migrate:down
ALTER TABLE revenue_events DROP COLUMN campaign_id;
