-- migrate:up
SET search_path = app;
CREATE TABLE c (id int);

-- migrate:down
SET search_path = public;
