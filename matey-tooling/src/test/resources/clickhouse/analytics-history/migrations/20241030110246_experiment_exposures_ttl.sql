-- migrate:up
ALTER TABLE experiment_exposures MODIFY TTL exposed_at + INTERVAL 2 YEAR;

-- migrate:down
ALTER TABLE experiment_exposures REMOVE TTL;
