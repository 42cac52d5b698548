CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    body TEXT
);

-- Dbmate schema migrations
CREATE TABLE IF NOT EXISTS "schema_migrations" (version varchar(128) primary key);
INSERT INTO "schema_migrations" (version) VALUES
  ('20260101120000');
