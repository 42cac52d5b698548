-- migrate:up
CREATE TABLE legacy (id INTEGER);

-- migrate:down
DROP TABLE legacy;
