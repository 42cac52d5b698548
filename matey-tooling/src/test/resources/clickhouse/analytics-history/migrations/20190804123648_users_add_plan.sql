-- migrate:up
ALTER TABLE users ADD COLUMN plan String DEFAULT 'free' AFTER name;

-- migrate:down
ALTER TABLE users DROP COLUMN plan;
