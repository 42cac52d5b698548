-- migrate:up
ALTER TABLE errors MODIFY COLUMN stack_trace String CODEC(ZSTD(9));

-- migrate:down
ALTER TABLE errors MODIFY COLUMN stack_trace String CODEC(ZSTD(6));
