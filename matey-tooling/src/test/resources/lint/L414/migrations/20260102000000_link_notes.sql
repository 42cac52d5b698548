-- migrate:up
ALTER TABLE items ADD CONSTRAINT items_order_again FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE notes ADD COLUMN refund_id int, ADD CONSTRAINT notes_refund FOREIGN KEY (refund_id) REFERENCES refunds (id);

-- migrate:down
ALTER TABLE notes DROP FOREIGN KEY notes_refund, DROP COLUMN refund_id;
ALTER TABLE items DROP FOREIGN KEY items_order_again;
