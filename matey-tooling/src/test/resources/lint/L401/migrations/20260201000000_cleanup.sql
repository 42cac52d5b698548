-- migrate:up
ALTER TABLE users DROP COLUMN legacy_flag;
DROP TABLE IF EXISTS sessions, events CASCADE;
TRUNCATE users;
DROP SCHEMA audit CASCADE;
CREATE TABLE scratch (id int);
DROP TABLE scratch;

-- migrate:down
CREATE SCHEMA audit;
CREATE TABLE events (id bigint PRIMARY KEY);
CREATE TABLE sessions (id bigint PRIMARY KEY);
ALTER TABLE users ADD COLUMN legacy_flag boolean;
