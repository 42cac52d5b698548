-- migrate:up
PRAGMA foreign_keys=0;
CREATE TABLE notes_new (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
INSERT INTO notes_new (id, title) SELECT id, title FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
PRAGMA foreign_keys = ON;

-- migrate:down
PRAGMA foreign_keys = OFF;
