-- migrate:up
CREATE TABLE b (id INTEGER);

-- migrate:down
DROP TABLE b;
