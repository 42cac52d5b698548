-- migrate:up
CREATE TABLE users (id bigint, email text, name text);

-- migrate:down
DROP TABLE users;
