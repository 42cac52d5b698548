-- migrate:up
CREATE TABLE users (id int, email varchar(100), note varchar(20), score int);

-- migrate:down
DROP TABLE users;
