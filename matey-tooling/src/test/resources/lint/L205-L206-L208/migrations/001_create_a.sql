-- migrate:up
CREATE TABLE a (id INTEGER);

-- migrate:down
DROP TABLE a;
