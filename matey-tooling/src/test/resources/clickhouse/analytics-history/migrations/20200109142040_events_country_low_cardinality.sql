-- migrate:up
ALTER TABLE events MODIFY COLUMN country LowCardinality(String);

-- migrate:down
ALTER TABLE events MODIFY COLUMN country FixedString(2);
