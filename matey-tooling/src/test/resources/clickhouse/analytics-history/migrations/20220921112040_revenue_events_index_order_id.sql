-- migrate:up
ALTER TABLE revenue_events ADD INDEX idx_order_id order_id TYPE bloom_filter(0.001) GRANULARITY 1;

-- migrate:down
ALTER TABLE revenue_events DROP INDEX idx_order_id;
