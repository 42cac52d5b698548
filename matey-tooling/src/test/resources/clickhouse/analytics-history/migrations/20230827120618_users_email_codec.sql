-- migrate:up
ALTER TABLE users MODIFY COLUMN email String CODEC(ZSTD(3));

-- migrate:down
ALTER TABLE users MODIFY COLUMN email REMOVE CODEC;
