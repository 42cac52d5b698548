-- migrate:up
ALTER TABLE events COMMENT COLUMN user_id 'internal user id; 0 for anonymous visitors';

-- migrate:down
ALTER TABLE events COMMENT COLUMN user_id '';
