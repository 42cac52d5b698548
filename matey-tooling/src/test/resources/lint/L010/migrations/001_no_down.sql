-- migrate:up
CREATE TABLE a (id INTEGER);
