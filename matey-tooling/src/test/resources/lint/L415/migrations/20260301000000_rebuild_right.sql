-- migrate:up transaction:false
PRAGMA foreign_keys = OFF;
CREATE TABLE tags (id INTEGER PRIMARY KEY);
PRAGMA foreign_keys = ON;

-- migrate:down transaction:false
PRAGMA foreign_keys = OFF;
DROP TABLE tags;
PRAGMA foreign_keys = ON;
