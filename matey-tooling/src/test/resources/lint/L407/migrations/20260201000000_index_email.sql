-- migrate:up
CREATE INDEX CONCURRENTLY users_email ON users (email);

-- migrate:down
DROP INDEX CONCURRENTLY users_email;
