-- migrate:up
CREATE TABLE prices (id bigint, amount int) WITH SYSTEM VERSIONING;
CREATE TABLE drafts (id bigint) WITH SYSTEM VERSIONING;
ALTER TABLE drafts DROP SYSTEM VERSIONING;

-- migrate:down
DROP TABLE drafts;
DROP TABLE prices;
