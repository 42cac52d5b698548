-- migrate:up
ALTER TABLE experiment_exposures ADD COLUMN device_type LowCardinality(String) DEFAULT '' AFTER user_id;

-- migrate:down
ALTER TABLE experiment_exposures DROP COLUMN device_type;
