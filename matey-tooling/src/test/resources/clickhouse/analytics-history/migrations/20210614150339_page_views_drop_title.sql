-- migrate:up
-- matey:nolint L401 titles come from the CMS; nobody queried this copy
ALTER TABLE page_views DROP COLUMN title;

-- migrate:down
ALTER TABLE page_views ADD COLUMN title String AFTER url;
