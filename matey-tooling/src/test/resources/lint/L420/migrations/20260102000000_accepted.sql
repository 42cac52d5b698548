-- migrate:up
CREATE FUNCTION citext_whisper(citext) RETURNS text LANGUAGE sql IMMUTABLE RETURN lower($1::text);
-- matey:nolint L420 rebuilt by the extension's next version
ALTER EXTENSION "citext" ADD FUNCTION citext_whisper(citext);

-- migrate:down
ALTER EXTENSION "citext" DROP FUNCTION citext_whisper(citext);
DROP FUNCTION citext_whisper(citext);
