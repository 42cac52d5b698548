-- migrate:up
ALTER TABLE events ADD COLUMN referrer String AFTER page_url;

-- migrate:down
ALTER TABLE events DROP COLUMN referrer;
