-- migrate:up transaction:FALSE
CREATE TABLE b (id INTEGER);
-- migrate:down
DROP TABLE b;
