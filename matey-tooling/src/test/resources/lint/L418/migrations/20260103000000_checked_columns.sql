-- migrate:up
ALTER TABLE orders ADD COLUMN status varchar NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid'));
ALTER TABLE orders ADD discount int CONSTRAINT orders_discount_positive CHECK (discount > 0);
ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT orders_note CHECK (note <> '') NOT VALID;
CREATE TABLE refunds (id int);
ALTER TABLE refunds ADD COLUMN amount int CHECK (amount > 0);

-- migrate:down
DROP TABLE refunds;
ALTER TABLE orders DROP COLUMN note;
ALTER TABLE orders DROP COLUMN discount;
ALTER TABLE orders DROP COLUMN status;
