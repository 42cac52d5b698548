-- migrate:up
ALTER TABLE orders ADD CONSTRAINT orders_total CHECK (total >= 0);
ALTER TABLE orders ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE orders ADD CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID,
    ADD CONSTRAINT orders_total_cap CHECK (total < 1000000) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account;
-- matey:nolint L418 few rows, accepted
ALTER TABLE orders ADD CHECK (id > 0);
CREATE TABLE lines (id int, order_id int, qty int);
ALTER TABLE lines ADD CONSTRAINT lines_order FOREIGN KEY (order_id) REFERENCES orders (id), ADD CHECK (qty > 0);

-- migrate:down
DROP TABLE lines;
ALTER TABLE orders DROP CONSTRAINT orders_total;
