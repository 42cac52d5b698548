-- migrate:down
DROP TABLE b;
-- migrate:up
CREATE TABLE b (id INTEGER);
