-- migrate:up
SET search_path TO app, public;
CREATE TABLE orders (id int);
RESET search_path;

-- migrate:down
SET search_path TO app;
DROP TABLE orders;
SET search_path TO DEFAULT;
