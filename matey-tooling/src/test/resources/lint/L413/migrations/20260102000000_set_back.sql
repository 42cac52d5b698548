-- migrate:up
SET LOCAL search_path TO billing;
CREATE TABLE invoices (id int);
RESET search_path;

-- migrate:down
SET LOCAL search_path = billing;
DROP TABLE invoices;
SET LOCAL search_path TO DEFAULT;
