-- migrate:up
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE users RENAME TO accounts;
ALTER TABLE IF EXISTS ONLY public.accounts RENAME TO members;

-- migrate:down
ALTER TABLE members RENAME TO accounts;
ALTER TABLE accounts RENAME TO users;
ALTER TABLE users RENAME COLUMN full_name TO name;
