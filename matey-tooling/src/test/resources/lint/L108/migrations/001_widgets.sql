-- migrate:up
CREATE TABLE widgets (id int primary key);
CREATE ROLE walk_reader;
GRANT SELECT ON widgets TO walk_reader;
CREATE USER MAPPING FOR walk_reader SERVER files;
CREATE TABLESPACE archive LOCATION '/srv/archive';
ALTER SYSTEM SET work_mem = '8MB';
CREATE ROLE "Walk_Writer" NOLOGIN;
CREATE USER walk_app;
CREATE GROUP walk_group;
CREATE ROLE walk_kept;

-- migrate:down
DROP TABLE widgets;
DROP ROLE walk_reader;
DROP ROLE IF EXISTS "Walk_Writer", walk_app;
DROP GROUP walk_group;
