-- migrate:up
CREATE TABLE accounts (id int PRIMARY KEY);
CREATE TABLE orders (id int, account_id int, total int);

-- migrate:down
DROP TABLE orders;
DROP TABLE accounts;
