-- migrate:up
ALTER TABLE errors ADD COLUMN context Map(String, String) AFTER fingerprint;

-- migrate:down
ALTER TABLE errors DROP COLUMN context;
