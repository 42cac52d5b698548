-- migrate:up
CREATE TABLE a (id INTEGER PRIMARY KEY, legacy TEXT, name TEXT);

-- migrate:down
DROP TABLE a;
