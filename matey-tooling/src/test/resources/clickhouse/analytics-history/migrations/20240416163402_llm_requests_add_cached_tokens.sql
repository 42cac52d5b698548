-- migrate:up
ALTER TABLE llm_requests ADD COLUMN cached_tokens UInt32 DEFAULT 0 AFTER completion_tokens;

-- migrate:down
ALTER TABLE llm_requests DROP COLUMN cached_tokens;
