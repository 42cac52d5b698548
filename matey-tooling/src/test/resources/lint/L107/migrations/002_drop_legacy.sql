-- migrate:up
-- matey:nolint L401 the column has been unused since 2023
ALTER TABLE a DROP COLUMN legacy;

-- migrate:down
ALTER TABLE a ADD COLUMN legacy TEXT;
