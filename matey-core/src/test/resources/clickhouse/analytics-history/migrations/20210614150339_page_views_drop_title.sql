-- migrate:up
ALTER TABLE page_views DROP COLUMN title;

-- migrate:down
ALTER TABLE page_views ADD COLUMN title String AFTER url;
