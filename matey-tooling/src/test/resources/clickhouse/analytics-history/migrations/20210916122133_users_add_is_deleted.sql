-- migrate:up
ALTER TABLE users ADD COLUMN is_deleted UInt8 DEFAULT 0 AFTER attributes;

-- migrate:down
ALTER TABLE users DROP COLUMN is_deleted;
