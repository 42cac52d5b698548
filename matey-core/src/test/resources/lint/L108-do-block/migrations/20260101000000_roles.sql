-- migrate:up
CREATE TABLE widgets (id int primary key);
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'walk_reader') THEN
    CREATE ROLE walk_reader NOLOGIN;
  END IF;
END
$$;
DO $$ BEGIN CREATE ROLE walk_writer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$
BEGIN
  CREATE USER "Walk_Kept";
  CREATE USER MAPPING FOR walk_reader SERVER files;
END
$$;

-- migrate:down
DROP TABLE widgets;
DROP ROLE IF EXISTS walk_reader, walk_writer, "Walk_Kept";
