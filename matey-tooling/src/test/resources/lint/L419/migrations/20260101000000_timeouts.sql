-- migrate:up
SET lock_timeout = '5s';
SET statement_timeout TO '15min';
SET LOCAL idle_in_transaction_session_timeout = '1min';
SELECT pg_catalog.set_config('idle_in_transaction_session_timeout', '10s', false);
CREATE TABLE a (id int);
RESET statement_timeout;

-- migrate:down
SET lock_timeout = '5s';
DROP TABLE a;
