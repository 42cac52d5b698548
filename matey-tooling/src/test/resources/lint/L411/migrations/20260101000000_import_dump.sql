-- migrate:up
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
CREATE SCHEMA app;
CREATE TABLE app.accounts (id int);

-- migrate:down
SET SESSION search_path = app;
DROP TABLE accounts;
DROP SCHEMA app;
