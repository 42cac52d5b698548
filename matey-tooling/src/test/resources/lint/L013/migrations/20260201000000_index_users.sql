-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY users_email ON users (email);
CREATE INDEX CONCURRENTLY users_name ON users (name);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY users_email;
DROP INDEX CONCURRENTLY users_name;
