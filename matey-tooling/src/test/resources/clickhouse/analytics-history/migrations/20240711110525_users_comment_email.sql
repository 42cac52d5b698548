-- migrate:up
ALTER TABLE users COMMENT COLUMN email 'lower-cased; hashed for EU users since 2024';

-- migrate:down
ALTER TABLE users COMMENT COLUMN email '';
