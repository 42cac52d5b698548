-- migrate:up
CREATE SCHEMA archive;
CREATE TABLE users (id bigint, email text);
CREATE TABLE drafts (id bigint);
ALTER TABLE drafts SET SCHEMA archive;

-- migrate:down
DROP TABLE archive.drafts;
DROP TABLE users;
DROP SCHEMA archive;
