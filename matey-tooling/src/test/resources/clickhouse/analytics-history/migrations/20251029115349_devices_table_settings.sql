-- migrate:up
ALTER TABLE devices MODIFY SETTING min_age_to_force_merge_seconds = 3600;

-- migrate:down
ALTER TABLE devices RESET SETTING min_age_to_force_merge_seconds;
