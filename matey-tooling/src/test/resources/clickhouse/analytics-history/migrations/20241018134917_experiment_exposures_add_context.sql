-- migrate:up
ALTER TABLE experiment_exposures ADD COLUMN context Map(String, String) AFTER user_id;

-- migrate:down
ALTER TABLE experiment_exposures DROP COLUMN context;
