-- migrate:up
ALTER TABLE page_views ADD COLUMN referrer Nullable(String) AFTER url;

-- migrate:down
ALTER TABLE page_views DROP COLUMN referrer;
