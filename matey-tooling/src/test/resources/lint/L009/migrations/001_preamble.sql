-- Creates table a.
CREATE TABLE early (id INTEGER);
-- migrate:up
CREATE TABLE a (id INTEGER);
-- migrate:down
DROP TABLE a;
