-- migrate:up
CREATE TABLE widgets (id int primary key);
CREATE ROLE walk_reader;
GRANT SELECT ON widgets TO walk_reader;
CREATE USER MAPPING FOR walk_reader SERVER files;
CREATE TABLESPACE archive LOCATION '/srv/archive';
ALTER SYSTEM SET work_mem = '8MB';

-- migrate:down
DROP TABLE widgets;
DROP ROLE walk_reader;
