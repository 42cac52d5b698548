-- migrate:up
SET statement_timeout = 0;
SET lock_timeout = 0;
SELECT pg_catalog.set_config('idle_in_transaction_session_timeout', '0', false);
-- matey:nolint L419 the later migrations of this batch are meant to wait
SET lock_timeout = '1min';
CREATE TABLE c (id int);

-- migrate:down
DROP TABLE c;
