-- migrate:up
CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT);

-- migrate:down
DROP TABLE notes;
