-- migrate:up
CREATE TABLE users (id bigint, email text, name text);
CREATE TABLE events (id bigint, at date NOT NULL, kind text) PARTITION BY RANGE (at);

-- migrate:down
DROP TABLE events;
DROP TABLE users;
