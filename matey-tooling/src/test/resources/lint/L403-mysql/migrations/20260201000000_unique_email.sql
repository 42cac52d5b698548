-- migrate:up
ALTER TABLE users ADD UNIQUE users_email (email(100));

-- migrate:down
ALTER TABLE users DROP INDEX users_email;
