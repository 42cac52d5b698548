-- migrate:up transaction:false
PRAGMA foreign_keys=OFF;
CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
INSERT INTO users_new (id, email) SELECT id, email FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE TABLE sessions_archive (id INTEGER PRIMARY KEY, user_id INTEGER);
INSERT INTO sessions_archive SELECT * FROM sessions;
DROP TABLE sessions;
PRAGMA foreign_keys=ON;

-- migrate:down transaction:false
PRAGMA foreign_keys=OFF;
CREATE TABLE sessions (id INTEGER PRIMARY KEY, user_id INTEGER);
INSERT INTO sessions SELECT * FROM sessions_archive;
DROP TABLE sessions_archive;
CREATE TABLE users_old (id INTEGER PRIMARY KEY, email TEXT);
INSERT INTO users_old (id, email) SELECT id, email FROM users;
DROP TABLE users;
ALTER TABLE users_old RENAME TO users;
PRAGMA foreign_keys=ON;
