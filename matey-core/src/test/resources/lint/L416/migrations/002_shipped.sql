-- migrate:up
ALTER TYPE status ADD VALUE 'paid';
ALTER TYPE status ADD VALUE IF NOT EXISTS 'shipped' AFTER 'paid';
UPDATE orders SET status = 'shipped' WHERE status = 'new';
CREATE INDEX orders_shipped ON orders (id) WHERE status = 'shipped';

-- migrate:down
