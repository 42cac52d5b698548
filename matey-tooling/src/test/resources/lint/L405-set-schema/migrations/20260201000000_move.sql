-- migrate:up
ALTER TABLE users SET SCHEMA archive;
ALTER TABLE IF EXISTS ONLY public.accounts SET SCHEMA archive;

-- migrate:down
ALTER TABLE archive.users SET SCHEMA public;
