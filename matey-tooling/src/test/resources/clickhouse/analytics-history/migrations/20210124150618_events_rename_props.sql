-- migrate:up
ALTER TABLE events RENAME COLUMN props TO properties;

-- migrate:down
ALTER TABLE events RENAME COLUMN properties TO props;
