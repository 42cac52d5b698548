-- migrate:up
ALTER TABLE users ADD COLUMN import_batch int;
UPDATE users SET import_batch = 1;
ALTER TABLE users RENAME COLUMN import_batch TO batch;
ALTER TABLE users DROP COLUMN batch;
ALTER TABLE users DROP COLUMN email;

-- migrate:down
ALTER TABLE users ADD COLUMN email text;
