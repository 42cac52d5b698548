-- migrate:up
ALTER TABLE events ADD INDEX idx_session_id session_id TYPE bloom_filter(0.01) GRANULARITY 2;

-- migrate:down
ALTER TABLE events DROP INDEX idx_session_id;
