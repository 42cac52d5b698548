-- migrate:up
-- matey:nolint L401 exposures live in experiment_exposures
ALTER TABLE events DROP COLUMN experiment_ids;

-- migrate:down
ALTER TABLE events ADD COLUMN experiment_ids Array(UInt32) AFTER properties;
