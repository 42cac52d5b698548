-- migrate:up
ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER email SET DATA TYPE text, ALTER COLUMN note TYPE varchar COLLATE "C";
ALTER TABLE IF EXISTS ONLY users ALTER COLUMN score TYPE text USING score::text;
ALTER TABLE users SET UNLOGGED;
ALTER TABLE users SET TABLESPACE fast;
ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT now(), ADD COLUMN r float8 DEFAULT random();
ALTER TABLE users ADD COLUMN n bigserial, ADD COLUMN k int GENERATED ALWAYS AS IDENTITY;
ALTER TABLE users ADD COLUMN lower_email text GENERATED ALWAYS AS (lower(email)) STORED;
ALTER TABLE users ALTER COLUMN email SET DEFAULT gen_random_uuid()::text, ALTER CONSTRAINT users_fk DEFERRABLE;
-- matey:nolint L417 small table, accepted
ALTER TABLE users SET LOGGED;
CREATE TABLE teams (id int, name varchar(10));
ALTER TABLE teams ALTER COLUMN id TYPE bigint, ADD COLUMN token uuid DEFAULT gen_random_uuid();
CREATE TABLE groups_new (id int);
ALTER TABLE groups_new RENAME TO "Groups";
ALTER TABLE groups SET UNLOGGED;

-- migrate:down
DROP TABLE "Groups";
DROP TABLE teams;
