-- migrate:up
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
CREATE TABLE sessions (id INTEGER PRIMARY KEY, user_id INTEGER);

-- migrate:down
DROP TABLE sessions;
DROP TABLE users;
