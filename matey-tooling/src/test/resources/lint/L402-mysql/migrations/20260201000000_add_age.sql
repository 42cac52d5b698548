-- migrate:up
ALTER TABLE users ADD COLUMN age int NOT NULL;

-- migrate:down
ALTER TABLE users DROP COLUMN age;
