-- migrate:up
-- matey:nolint L4O1 legacy column, unread since v3
ALTER TABLE users DROP COLUMN name;
-- matey:nolint l406
CREATE INDEX users_email ON users (email);
-- matey:nolint L999 small table
CREATE INDEX users_id ON users (id);
-- matey:nolint L405,SF.LT01 the ORM maps mail; the generator pads lines
ALTER TABLE users RENAME COLUMN email TO mail; 
-- matey:nolint reviewed by the DBA

-- migrate:down
ALTER TABLE users RENAME COLUMN mail TO email;
DROP INDEX users_id;
DROP INDEX users_email;
ALTER TABLE users ADD COLUMN name text;
