-- migrate:up transaction:false
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE users ADD PRIMARY KEY (id);
CREATE UNIQUE INDEX CONCURRENTLY users_lower_email ON users (lower(email));

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY users_lower_email;
ALTER TABLE users DROP CONSTRAINT users_pkey;
ALTER TABLE users DROP CONSTRAINT users_email_key;
