CREATE TABLE note_tags (
    note_id BIGINT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag VARCHAR(50) NOT NULL,
    PRIMARY KEY (note_id, tag)
);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    body TEXT
);

CREATE INDEX note_tags_tag ON note_tags (tag);

-- Dbmate schema migrations
CREATE TABLE IF NOT EXISTS "schema_migrations" (version varchar(128) primary key);
INSERT INTO "schema_migrations" (version) VALUES
  ('20260101120000'),
  ('20260102120000'),
  ('20260103120000');
