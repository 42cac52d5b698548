-- migrate:up
CREATE EXTENSION IF NOT EXISTS citext;
CREATE FUNCTION citext_shout(citext) RETURNS text LANGUAGE sql IMMUTABLE RETURN upper($1::text);
ALTER EXTENSION citext ADD FUNCTION citext_shout(citext);
ALTER EXTENSION citext UPDATE;

-- migrate:down
ALTER EXTENSION citext DROP FUNCTION citext_shout(citext);
DROP FUNCTION citext_shout(citext);
