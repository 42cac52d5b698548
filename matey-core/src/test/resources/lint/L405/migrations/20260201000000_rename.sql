-- migrate:up
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE users RENAME TO accounts;

-- migrate:down
ALTER TABLE accounts RENAME TO users;
ALTER TABLE users RENAME COLUMN full_name TO name;
