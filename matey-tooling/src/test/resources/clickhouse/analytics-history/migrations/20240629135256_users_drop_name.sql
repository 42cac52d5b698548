-- migrate:up
-- matey:nolint L401 data minimisation: names are kept in the CRM only
ALTER TABLE users DROP COLUMN name;

-- migrate:down
ALTER TABLE users ADD COLUMN name String AFTER email;
