-- migrate:up
ALTER TABLE sessions ADD COLUMN entry_page String AFTER page_views;

-- migrate:down
ALTER TABLE sessions DROP COLUMN entry_page;
