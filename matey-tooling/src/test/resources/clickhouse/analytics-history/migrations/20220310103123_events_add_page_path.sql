-- migrate:up
ALTER TABLE events ADD COLUMN page_path String ALIAS path(page_url) AFTER page_url;

-- migrate:down
ALTER TABLE events DROP COLUMN page_path;
