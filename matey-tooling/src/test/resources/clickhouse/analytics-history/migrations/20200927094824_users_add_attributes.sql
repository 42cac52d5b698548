-- migrate:up
ALTER TABLE users ADD COLUMN attributes Map(String, String) AFTER country;

-- migrate:down
ALTER TABLE users DROP COLUMN attributes;
