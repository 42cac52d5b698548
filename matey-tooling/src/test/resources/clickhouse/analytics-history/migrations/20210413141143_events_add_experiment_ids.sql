-- migrate:up
ALTER TABLE events ADD COLUMN experiment_ids Array(UInt32) AFTER properties;

-- migrate:down
ALTER TABLE events DROP COLUMN experiment_ids;
