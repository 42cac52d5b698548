-- migrate:up
CREATE TABLE widgets (id int primary key);
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'walk_reader') THEN
    CREATE ROLE walk_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'walk_kept') THEN
    CREATE USER "Walk_Kept";
  END IF;
  CREATE USER MAPPING FOR walk_reader SERVER files;
END
$$;

-- migrate:down
DROP TABLE widgets;
DROP ROLE IF EXISTS walk_reader;
