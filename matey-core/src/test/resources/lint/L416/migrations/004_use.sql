-- migrate:up
UPDATE orders SET status = 'paid' WHERE status = 'new';

-- migrate:down
UPDATE orders SET status = 'new' WHERE status = 'paid';
