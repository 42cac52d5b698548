-- migrate:up
ALTER TABLE events MODIFY SETTING merge_with_ttl_timeout = 3600;

-- migrate:down
ALTER TABLE events RESET SETTING merge_with_ttl_timeout;
