-- migrate:up
ALTER TABLE devices ADD COLUMN push_token Nullable(String) AFTER app_version;

-- migrate:down
ALTER TABLE devices DROP COLUMN push_token;
