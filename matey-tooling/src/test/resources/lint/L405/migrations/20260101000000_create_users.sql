-- migrate:up
CREATE TABLE users (id bigint, email text, name text);
CREATE SCHEMA audit;
CREATE TYPE mood AS ENUM ('happy', 'sad');

-- migrate:down
DROP TYPE mood;
DROP SCHEMA audit;
DROP TABLE users;
