-- migrate:up
CREATE INDEX users_email ON users (email);
CREATE INDEX IF NOT EXISTS users_named ON ONLY users (name) INCLUDE (email) WHERE name IS NOT NULL;
CREATE TABLE teams (id bigint, name text) PARTITION BY HASH (id);
CREATE INDEX teams_name ON teams (name);
CREATE MATERIALIZED VIEW IF NOT EXISTS user_names AS SELECT id, name FROM users;
CREATE UNIQUE INDEX user_names_id ON user_names (id);
CREATE INDEX events_kind ON events (kind);
CREATE INDEX events_at ON ONLY events (at);

-- migrate:down
DROP INDEX events_at;
DROP INDEX events_kind;
DROP MATERIALIZED VIEW user_names;
DROP TABLE teams;
DROP INDEX users_named;
DROP INDEX users_email;
