-- migrate:up
ALTER TABLE events MODIFY COLUMN event_time DateTime CODEC(DoubleDelta, LZ4);

-- migrate:down
ALTER TABLE events MODIFY COLUMN event_time REMOVE CODEC;
