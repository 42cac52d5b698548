-- migrate:up
ALTER TABLE events MODIFY COLUMN event_type LowCardinality(String);

-- migrate:down
ALTER TABLE events MODIFY COLUMN event_type String;
