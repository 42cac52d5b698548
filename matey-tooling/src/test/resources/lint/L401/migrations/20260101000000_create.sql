-- migrate:up
CREATE SCHEMA audit;
CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy_flag boolean);
CREATE TABLE sessions (id bigint PRIMARY KEY);
CREATE TABLE events (id bigint PRIMARY KEY);

-- migrate:down
DROP TABLE events;
DROP TABLE sessions;
DROP TABLE users;
DROP SCHEMA audit;
