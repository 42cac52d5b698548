-- migrate:up
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, FOREIGN KEY (customer_id) REFERENCES customers (id));
CREATE TABLE refunds (id int PRIMARY KEY, order_id int, customer_id int, KEY by_order (order_id, id),
  CONSTRAINT refunds_order FOREIGN KEY (order_id) REFERENCES orders (id));
CREATE TABLE notes (id int PRIMARY KEY, CONSTRAINT notes_id FOREIGN KEY (id) REFERENCES orders (id));
ALTER TABLE refunds ADD KEY `by_customer` (`customer_id`), ADD CONSTRAINT refunds_customer FOREIGN KEY (`customer_id`) REFERENCES customers (id);
CREATE TABLE items (id int PRIMARY KEY, order_id int, refund_id int, KEY by_refund (refund_id));
CREATE INDEX by_order ON items (order_id);
ALTER TABLE items ADD CONSTRAINT items_order FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE items DROP INDEX by_refund;
ALTER TABLE items ADD CONSTRAINT items_refund FOREIGN KEY (refund_id) REFERENCES refunds (id);
CREATE TABLE item_parts (id int PRIMARY KEY, item_id int, CONSTRAINT item_parts_item FOREIGN KEY (item_id) REFERENCES items (id));
ALTER TABLE item_parts ADD KEY by_item (item_id);

-- migrate:down
ALTER TABLE orders DROP FOREIGN KEY orders_ibfk_1;
ALTER TABLE orders ADD CONSTRAINT orders_ibfk_1 FOREIGN KEY (customer_id) REFERENCES customers (id);
DROP TABLE item_parts;
DROP TABLE items;
DROP TABLE notes;
DROP TABLE refunds;
DROP TABLE orders;
DROP TABLE customers;
