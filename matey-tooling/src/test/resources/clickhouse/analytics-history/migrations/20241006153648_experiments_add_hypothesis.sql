-- migrate:up
ALTER TABLE experiments ADD COLUMN hypothesis Nullable(String) AFTER name;

-- migrate:down
ALTER TABLE experiments DROP COLUMN hypothesis;
