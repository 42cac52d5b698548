-- migrate:up transaction:false
SET LOCAL search_path TO billing;
CREATE TABLE notes (id int);

-- migrate:down
DROP TABLE billing.notes;
