-- migrate:up
CREATE TABLE public.users_new AS SELECT id, lower(email) AS email FROM public.users;
DROP TABLE public.users;
ALTER TABLE users_new RENAME TO users;
CREATE TABLE orders_new (LIKE orders INCLUDING ALL);
INSERT INTO orders_new SELECT id, (SELECT 0 FROM events LIMIT 1) FROM events;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE TABLE events_copy AS SELECT * FROM events;
DROP TABLE events;

-- migrate:down
CREATE TABLE events AS SELECT * FROM events_copy;
DROP TABLE events_copy;
ALTER TABLE orders RENAME TO orders_new;
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
DROP TABLE orders_new;
ALTER TABLE users RENAME TO users_new;
CREATE TABLE users (id bigint PRIMARY KEY, email text);
DROP TABLE users_new;
