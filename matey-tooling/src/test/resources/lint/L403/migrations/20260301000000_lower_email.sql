-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY users_lower_email ON users (lower(email));

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY users_lower_email;
