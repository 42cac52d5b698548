-- migrate:up
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE TABLE events (id bigint PRIMARY KEY);

-- migrate:down
DROP TABLE events;
DROP TABLE orders;
DROP TABLE users;
