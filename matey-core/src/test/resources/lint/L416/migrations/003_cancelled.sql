-- migrate:up transaction:false
ALTER TYPE status ADD VALUE 'cancelled';
SELECT 'cancelled'::status;

-- migrate:down
