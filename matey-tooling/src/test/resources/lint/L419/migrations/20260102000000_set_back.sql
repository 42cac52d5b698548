-- migrate:up
SET lock_timeout = '5s';
SET statement_timeout = '1min';
SELECT set_config('idle_in_transaction_session_timeout', '10s', true);
SET idle_in_transaction_session_timeout = '10s';
CREATE TABLE b (id int);
SET lock_timeout TO DEFAULT;
SET statement_timeout = 0;
RESET ALL;

-- migrate:down
DROP TABLE b;
