-- migrate:up
ALTER TABLE events ADD COLUMN received_at DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(DoubleDelta, ZSTD(1)) AFTER event_time;

-- migrate:down
ALTER TABLE events DROP COLUMN received_at;
