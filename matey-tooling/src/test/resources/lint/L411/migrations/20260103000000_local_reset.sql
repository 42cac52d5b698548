-- migrate:up
SET search_path TO app;
CREATE TABLE notes (id int);
SET LOCAL search_path TO DEFAULT;

-- migrate:down
DROP TABLE app.notes;
