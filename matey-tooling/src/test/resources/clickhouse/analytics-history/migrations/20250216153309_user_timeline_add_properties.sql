-- migrate:up
ALTER TABLE user_timeline ADD COLUMN properties Map(String, String) AFTER session_id;

-- migrate:down
ALTER TABLE user_timeline DROP COLUMN properties;
