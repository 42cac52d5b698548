-- migrate:up
DELETE FROM users WHERE id < 100;
DELETE FROM users;
CREATE TABLE staging (id int);
DELETE FROM staging;

-- migrate:down
DROP TABLE staging;
