-- migrate:up
ALTER TABLE llm_requests ADD INDEX idx_user_id user_id TYPE bloom_filter GRANULARITY 2;

-- migrate:down
ALTER TABLE llm_requests DROP INDEX idx_user_id;
