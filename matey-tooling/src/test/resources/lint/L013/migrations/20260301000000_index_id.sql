-- migrate:up transaction:false
-- alone in its section, dbmate runs it
CREATE INDEX CONCURRENTLY users_id ON users (id);
-- nothing else

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY users_id;
