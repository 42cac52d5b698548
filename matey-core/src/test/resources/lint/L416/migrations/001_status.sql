-- migrate:up
CREATE TYPE status AS ENUM ('new');
CREATE TABLE orders (id int primary key, status status NOT NULL DEFAULT 'new');

-- migrate:down
DROP TABLE orders;
DROP TYPE status;
