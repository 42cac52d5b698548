-- migrate:up
ALTER TABLE llm_requests ADD COLUMN status Enum8('ok' = 1, 'error' = 2, 'timeout' = 3) DEFAULT 'ok' AFTER latency_ms;

-- migrate:down
ALTER TABLE llm_requests DROP COLUMN status;
