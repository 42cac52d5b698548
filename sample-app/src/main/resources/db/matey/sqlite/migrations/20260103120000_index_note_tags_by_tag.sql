-- migrate:up
CREATE INDEX note_tags_tag ON note_tags (tag);

-- migrate:down
DROP INDEX note_tags_tag;
