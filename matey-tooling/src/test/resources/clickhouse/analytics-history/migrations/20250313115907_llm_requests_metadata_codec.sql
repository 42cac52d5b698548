-- migrate:up
ALTER TABLE llm_requests MODIFY COLUMN metadata Map(LowCardinality(String), String) CODEC(ZSTD(3));

-- migrate:down
ALTER TABLE llm_requests MODIFY COLUMN metadata REMOVE CODEC;
