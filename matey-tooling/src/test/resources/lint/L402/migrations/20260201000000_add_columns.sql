-- migrate:up
ALTER TABLE users ADD COLUMN age int NOT NULL;
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
-- matey:nolint L417 an identity fills the existing rows: not L402's concern
ALTER TABLE users ADD COLUMN number bigint GENERATED ALWAYS AS IDENTITY;
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN name text NOT NULL;

-- migrate:down
DROP TABLE teams;
ALTER TABLE users DROP COLUMN number, DROP COLUMN plan, DROP COLUMN age;
