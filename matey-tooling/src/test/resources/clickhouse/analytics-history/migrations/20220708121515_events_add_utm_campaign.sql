-- migrate:up
ALTER TABLE events ADD COLUMN utm_campaign Nullable(String) AFTER utm_medium;

-- migrate:down
ALTER TABLE events DROP COLUMN utm_campaign;
