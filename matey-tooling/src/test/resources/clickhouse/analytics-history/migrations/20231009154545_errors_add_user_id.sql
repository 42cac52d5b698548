-- migrate:up
ALTER TABLE errors ADD COLUMN user_id Nullable(UInt64) AFTER fingerprint;

-- migrate:down
ALTER TABLE errors DROP COLUMN user_id;
