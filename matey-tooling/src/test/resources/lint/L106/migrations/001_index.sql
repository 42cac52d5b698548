-- migrate:up transaction:false
CREATE INDEX notes_title ON notes (title);

-- migrate:down transaction:false
DROP INDEX notes_title;
