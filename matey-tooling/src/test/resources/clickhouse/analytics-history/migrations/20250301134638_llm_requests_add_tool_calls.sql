-- migrate:up
ALTER TABLE llm_requests ADD COLUMN tool_calls Array(Tuple(name LowCardinality(String), duration_ms UInt32)) AFTER metadata;

-- migrate:down
ALTER TABLE llm_requests DROP COLUMN tool_calls;
