-- migrate:up
ALTER TABLE users MODIFY COMMENT 'one row per user version; read with FINAL';

-- migrate:down
ALTER TABLE users MODIFY COMMENT '';
