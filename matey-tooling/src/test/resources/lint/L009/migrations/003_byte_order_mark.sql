-- migrate:up
CREATE TABLE c (id INTEGER);
-- migrate:down
DROP TABLE c;
