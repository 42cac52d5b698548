-- migrate:up
CREATE TABLE note_tags (
    note_id BIGINT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag VARCHAR(50) NOT NULL,
    PRIMARY KEY (note_id, tag)
);

-- migrate:down
DROP TABLE note_tags;
