-- migrate:up
ALTER TABLE llm_requests MODIFY COLUMN status Enum8('ok' = 1, 'error' = 2, 'timeout' = 3, 'cancelled' = 4) DEFAULT 'ok';

-- migrate:down
ALTER TABLE llm_requests MODIFY COLUMN status Enum8('ok' = 1, 'error' = 2, 'timeout' = 3) DEFAULT 'ok';
