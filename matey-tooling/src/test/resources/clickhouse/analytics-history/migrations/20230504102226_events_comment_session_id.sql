-- migrate:up
ALTER TABLE events COMMENT COLUMN session_id 'client session, rotates after 30 minutes idle';

-- migrate:down
ALTER TABLE events COMMENT COLUMN session_id '';
