-- migrate:up
ALTER TABLE errors MODIFY SETTING ttl_only_drop_parts = 1;

-- migrate:down
ALTER TABLE errors RESET SETTING ttl_only_drop_parts;
